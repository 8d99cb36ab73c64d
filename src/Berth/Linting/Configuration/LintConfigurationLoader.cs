namespace Berth.Linting.Configuration;

/// <summary>
/// Finds the configuration for a lint run: <c>--config FILE</c> when given (a <c>.hadolint.yaml</c> is read as hadolint's),
/// else <c>.berth.yaml</c> in the current folder or the linted folder, layered over a <c>.hadolint.yaml</c>/<c>.hadolint.yml</c>
/// found the same way. Berth's own file wins where both set something.
/// </summary>
public static class LintConfigurationLoader
{
    public static LintConfiguration Load(string? configFile, IReadOnlyList<string> lintedPaths, string currentFolder)
    {
        var rules = RuleCatalog.All;
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
                throw new InputException(configFile, 0, "config file not found");
            return HadolintConfigFile.IsHadolintFile(configFile) ? HadolintConfigFile.Read(configFile, rules) : BerthConfigFile.Read(configFile, rules);
        }
        var folders = Folders(lintedPaths, currentFolder);
        var configuration = LintConfiguration.Empty;
        var hadolint = First(folders, HadolintConfigFile.FileNames);
        if (hadolint is not null)
            configuration = configuration.Merge(HadolintConfigFile.Read(hadolint, rules));
        var berth = First(folders, [BerthConfigFile.FileName]);
        if (berth is not null)
            configuration = configuration.Merge(BerthConfigFile.Read(berth, rules));
        return configuration;
    }

    private static IReadOnlyList<string> Folders(IReadOnlyList<string> lintedPaths, string currentFolder)
    {
        var folders = new List<string> { currentFolder };
        var first = lintedPaths.FirstOrDefault();
        if (first is not null)
            folders.Add(Directory.Exists(first) ? first : Path.GetDirectoryName(Path.GetFullPath(first)) ?? currentFolder);
        return folders;
    }

    private static string? First(IReadOnlyList<string> folders, IReadOnlyList<string> names) =>
        folders.SelectMany(folder => names.Select(name => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
}
