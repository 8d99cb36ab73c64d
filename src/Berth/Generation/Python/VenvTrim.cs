using System.Text;
using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>
/// The last builder step: pip, setuptools and wheel install packages and are not needed to run them, so they leave the venv unless
/// the project depends on them or its code imports them (<c>pkg_resources</c> is setuptools); then the venv's byte-code is compiled
/// once, with the interpreter the runtime uses at the path it uses (the runtime's root filesystem is read-only, so Python cannot
/// write it there, and installers such as Poetry do not compile).
/// </summary>
public static class VenvTrim
{
    private static readonly (string Package, string[] Modules)[] Tools =
    [
        ("pip", ["pip"]),
        ("setuptools", ["setuptools", "pkg_resources", "_distutils_hack"]),
        ("wheel", ["wheel"]),
    ];

    /// <summary>The installers that seed the venv with pip and setuptools (<c>python -m venv</c>); uv's venv has neither.</summary>
    private static bool Seeded(string installer) => installer != "uv";

    /// <summary>The packaging tools to remove, and why each that stays stays.</summary>
    public static (IReadOnlyList<string> Removed, IReadOnlyList<string> Kept) Choose(ServiceProfile profile, string installer)
    {
        if (!Seeded(installer))
            return ([], []);
        var removed = new List<string>();
        var kept = new List<string>();
        foreach (var (package, modules) in Tools)
        {
            var import = profile.PythonPart().PackagingImports.FirstOrDefault(i => modules.Contains(i.Module.Split('.')[0]));
            if (profile.Dependencies.Contains(package))
                kept.Add($"{package} (a dependency of the project)");
            else if (import is not null)
                kept.Add($"{package} (the code imports {import.Module}, {import.Source})");
            else
                removed.Add(package);
        }
        return (removed, kept);
    }

    public static string Decision(ServiceProfile profile, string installer)
    {
        var (removed, kept) = Choose(profile, installer);
        var compile = $"byte-code compiled once in the builder with the runtime's interpreter (read-only root filesystem at run time)";
        if (!Seeded(installer))
            return $"uv's venv has no pip, setuptools or wheel; {compile} (UV_COMPILE_BYTECODE)";
        return (removed.Count > 0 ? $"{string.Join(", ", removed)} removed from the runtime venv once the install is done" : "pip, setuptools and wheel stay in the venv")
            + (kept.Count > 0 ? $"; kept: {string.Join(", ", kept)}" : "") + "; " + compile;
    }

    public static void Append(StringBuilder text, PythonImagePlan plan)
    {
        if (!Seeded(plan.Installer))
            return;
        var (removed, _) = Choose(plan.Profile, plan.Installer);
        var python = PythonImagePlan.VenvPath + "/bin/python";
        var steps = new List<string>();
        if (removed.Count > 0)
        {
            text.Append("# ").Append(string.Join(", ", removed)).Append(" only install packages: they stay out of the runtime").Append(removed.Contains("setuptools")
                ? ", but setuptools stays when an installed package imports pkg_resources (gunicorn before 22 does)" : "").Append(".\n");
            var others = removed.Where(r => r != "setuptools").ToList();
            steps.Add($"tools=\"{string.Join(' ', others)}\"");
            if (removed.Contains("setuptools"))
            {
                steps.Add("if grep -rqsE '^[[:space:]]*(import|from)[[:space:]]+pkg_resources' --include='*.py' " +
                    "--exclude-dir=setuptools --exclude-dir=pkg_resources --exclude-dir=pip --exclude-dir=_distutils_hack " + PythonImagePlan.VenvPath + "/lib; " +
                    "then echo 'setuptools stays: an installed package imports pkg_resources'; else tools=\"$tools setuptools\"; fi");
            }
            steps.Add($"{python} -m pip uninstall --yes --quiet $tools");
        }
        text.Append("# Byte-code is compiled here, once, by the interpreter the runtime uses: the runtime's root filesystem is read-only.\n");
        steps.Add($"{python} -m compileall -q -j 0 {PythonImagePlan.VenvPath}/lib");
        text.Append("RUN ").Append(string.Join(" \\\n && ", steps)).Append('\n');
    }
}
