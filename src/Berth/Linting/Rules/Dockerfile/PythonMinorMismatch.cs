using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Dockerfile;

/// <summary>
/// BDF102: a stage copies a venv or site-packages from a stage whose base runs a different Python minor
/// (python:3.12-slim builder, distroless python3-debian12 (3.11) runtime): compiled wheels and the interpreter link break.
/// </summary>
public sealed class PythonMinorMismatch : DockerfileRule
{
    private static readonly string[] PythonPaths = ["venv", "site-packages", "dist-packages", "/root/.local", "/home/", "/usr/local/lib/python", "/install"];

    public override RuleInfo Info { get; } = new("BDF102", "python-minor-mismatch", Severity.Error,
        "Python packages are copied between stages whose base images run different Python minors", []);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        foreach (var stage in context.Stages)
        {
            var targetMinor = context.Facts(stage.Stage.Index)?.PythonMinor;
            if (targetMinor is null)
                continue;
            foreach (var copy in stage.Stage.Instructions.OfType<CopyInstruction>())
            {
                if (copy.From is not { } from || context.Graph.Stage(from) is not { } source)
                    continue;
                var sourceMinor = context.Facts(source.Stage.Index)?.PythonMinor;
                if (sourceMinor is null || sourceMinor == targetMinor)
                    continue;
                if (!copy.Sources.Any(s => PythonPaths.Any(p => s.Value.Contains(p, StringComparison.Ordinal))))
                    continue;
                findings.Add(At(context, copy.Span,
                    $"copies Python packages from stage '{source.Stage.Name ?? source.Stage.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}' (Python {sourceMinor}, {context.ExternalBase(source.Stage.Index)?.Text}) into a Python {targetMinor} image ({context.ExternalBase(stage.Stage.Index)?.Text}): the venv's interpreter link and compiled wheels will not load",
                    $"Build with the same minor as the runtime (python:{targetMinor}-slim), or for distroless build the venv in debian:12-slim with python3-venv"));
            }
        }
    }
}
