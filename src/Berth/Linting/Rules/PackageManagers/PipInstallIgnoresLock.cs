namespace Berth.Linting.Rules.PackageManagers;

/// <summary>
/// BDF210: <c>pip install fastapi uvicorn</c> by name while the build context has a lock (requirements.txt, poetry.lock, uv.lock, Pipfile.lock):
/// the image resolves versions afresh instead of the ones the app was tested with. Installers (pip, poetry, uv, pipenv…) are not flagged.
/// </summary>
public sealed class PipInstallIgnoresLock : DockerfileRule
{
    private static readonly string[] Locks = ["requirements.txt", "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock"];

    private static readonly string[] Installers =
        ["pip", "setuptools", "wheel", "poetry", "poetry-plugin-export", "uv", "pipenv", "pdm", "pip-tools", "hatch", "virtualenv", "build", "pipx"];

    public override RuleInfo Info { get; } = new("BDF210", "pip-install-ignores-lock", Severity.Warning,
        "pip install of packages by name while the build context has a lock or requirements file", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        if (Locks.FirstOrDefault(context.ContextFileExists) is not { } lockFile)
            return;
        foreach (var (_, _, command) in RunCommands.All(context))
        {
            if (PipInstall.Read(command) is not { } pip || pip.Has("-r", "--requirement", "-c", "--constraint", "-e", "--editable"))
                continue;
            var named = pip.Operands().FirstOrDefault(o => PipInstall.IsBareName(o.Value.Split("==", 2)[0]) && Array.IndexOf(Installers, PipInstall.NameOf(o.Value.Split("==", 2)[0])) < 0);
            if (named is null)
                continue;
            findings.Add(At(context, named.Span, $"pip installs '{named.Value}' by name although the build context has {lockFile}: versions resolve afresh at every build",
                lockFile == "requirements.txt" ? "COPY requirements.txt and RUN pip install -r requirements.txt" : $"Install from {lockFile} with its tool, or export it to a requirements file and pip install -r it"));
        }
    }
}
