using System.Text.RegularExpressions;
using Berth.Generation.Python;
using Berth.Generation;

namespace Berth.EndToEnd.Engine;

/// <summary>
/// The PEP 503 index builds use when <c>TESTBED_PYPI_URL</c> is set (the offline testbed). It may lack Berth's server pins: then the
/// build is given the newest version it serves through the pin's build argument, and says so, so the pinned-install path is still
/// proven. Without the variable the build uses the pins as generated.
/// </summary>
public static partial class LocalPackageIndex
{
    public static string? Url => Environment.GetEnvironmentVariable("TESTBED_PYPI_URL") is { Length: > 0 } url ? url.TrimEnd('/') + "/" : null;

    /// <summary>For each table-pinned server: the version the build will install and, when the index lacks the pin, the build argument that picks another.</summary>
    public static async Task<(Dictionary<string, string> BuildArguments, Dictionary<string, string> Versions)> ServerPinsAsync(
        IEnumerable<string> packages, Action<string> log, CancellationToken cancellationToken)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            var pin = ServerPackagePins.For(package, null, none);
            versions[package] = pin.Version;
            if (Url is not { } url)
                continue;
            var served = await ServedVersionsAsync(url, package, cancellationToken);
            Assert.True(served.Count > 0, $"the package index at {url} serves no {package}");
            if (served.Contains(pin.Version))
                continue;
            var newest = served.MaxBy(v => Version.TryParse(v, out var parsed) ? parsed : new Version(0, 0))!;
            arguments[pin.BuildArgument!] = newest;
            versions[package] = newest;
            log($"NOTE: the package index at {url} lacks {package}=={pin.Version} (Berth's pin); building with --build-arg {pin.BuildArgument}={newest}: " +
                "this proves the pinned install, not that release");
        }
        return (arguments, versions);
    }

    private static async Task<IReadOnlyList<string>> ServedVersionsAsync(string url, string package, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var page = await http.GetStringAsync(url + package + "/", cancellationToken);
        return WheelVersion().Matches(page).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@">[A-Za-z0-9_.]+-([0-9][A-Za-z0-9.]*)-[^<]*\.whl<")]
    private static partial Regex WheelVersion();
}
