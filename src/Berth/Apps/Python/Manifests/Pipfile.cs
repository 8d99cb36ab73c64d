namespace Berth.Apps.Python.Manifests;

/// <summary>A Pipfile: <c>[packages]</c>, <c>[dev-packages]</c> and the <c>[requires]</c> Python version.</summary>
internal sealed record Pipfile(
    string Path,
    IReadOnlyList<PythonRequirement> Packages,
    IReadOnlyList<PythonRequirement> DevPackages,
    string? PythonVersion,
    int PythonVersionLine);
