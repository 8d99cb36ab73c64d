namespace Berth.Tests.Support;

/// <summary>
/// Compares generated files with the expected ones under tests/Berth.Tests/Golden. With BERTH_UPDATE_GOLDEN=1 the expected
/// files are rewritten instead (review that diff like code).
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("BERTH_UPDATE_GOLDEN") == "1";

    public static void AssertFolder(string goldenName, string actualRoot)
    {
        var expectedRoot = RepoPaths.Golden(goldenName);
        var actual = Directory.EnumerateFiles(actualRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(actualRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
        if (Updating)
        {
            if (Directory.Exists(expectedRoot))
                Directory.Delete(expectedRoot, recursive: true);
            foreach (var file in actual)
            {
                var target = Path.Combine(expectedRoot, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(actualRoot, file), target);
            }
            return;
        }
        Assert.True(Directory.Exists(expectedRoot), $"no golden files at {expectedRoot}; run the tests with BERTH_UPDATE_GOLDEN=1 and review them");
        var expected = Directory.EnumerateFiles(expectedRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(expectedRoot, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            var want = File.ReadAllText(Path.Combine(expectedRoot, file));
            var got = File.ReadAllText(Path.Combine(actualRoot, file));
            Assert.True(want == got, $"{goldenName}/{file} differs from the golden file:\n{Berth.Generation.LineDiff.Unified(want, got, "golden", "generated")}");
        }
    }
}
