using System.Text;
using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>
/// The COPY lines that bring what the dependency install reads besides the manifest and the lock (-r/-c includes, local packages,
/// the readme their build backend reads) into the builder before the install step, each at its place in the build context, so a
/// source edit elsewhere still leaves the dependency layer cached.
/// </summary>
internal static class InstallInputCopies
{
    /// <summary>True when the install reads the whole build context (<c>-e .</c>: the project installs itself): copy the sources first.</summary>
    public static bool NeedsWholeContext(ServiceProfile profile) =>
        profile.PythonPart().InstallInputs.Any(i => i.IsFolder && RelativePath.Under(i.Path, profile.BuildContext) == ".");

    public static void Append(StringBuilder text, ServiceProfile profile)
    {
        var inputs = profile.PythonPart().InstallInputs;
        if (inputs.Count == 0)
            return;
        text.Append("# read by the install: ").Append(string.Join("; ", inputs.Select(i => $"{RelativePath.Under(i.Path, profile.BuildContext)} ({i.Source})"))).Append('\n');
        foreach (var input in inputs)
        {
            var path = RelativePath.Under(input.Path, profile.BuildContext);
            if (input.IsFolder)
                text.Append("COPY ").Append(path).Append("/ ").Append(path).Append("/\n");
            else
                text.Append("COPY ").Append(path).Append(' ').Append(path.Contains('/', StringComparison.Ordinal) ? path : "./").Append('\n');
        }
    }
}
