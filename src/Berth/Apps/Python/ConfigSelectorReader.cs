using Berth.Apps.Python.Source;

namespace Berth.Apps.Python;

/// <summary>
/// Finds the env variable that selects the app's configuration (<see cref="ConfigSelector"/>), across the service's modules, in
/// this order: an Enum-typed settings field whose Enum keys a dict or whose name says it selects the environment; a read of a
/// selector-named variable (APP_ENV, FLASK_CONFIG, ENVIRONMENT...) whose fallback is a key of a dict of configurations; a
/// selector-named variable compared with environment names (<c>if ENV == "production":</c>). DJANGO_SETTINGS_MODULE is left to
/// <see cref="DjangoSettingsReader"/>.
/// </summary>
internal static partial class ConfigSelectorReader
{
    private static readonly string[] ProductionNames = ["production", "prod", "prd", "live"];

    private static readonly string[] EnvironmentNames =
        [.. ProductionNames, "development", "develop", "dev", "local", "testing", "test", "staging", "stage", "qa", "ci", "default", "docker", "heroku"];

    private static readonly string[] SelectorSuffixes = ["ENV", "ENVIRONMENT", "CONFIG", "CONFIG_NAME", "CONFIGURATION", "STAGE", "PROFILE"];

    /// <summary>A settings field with the env name it is read under.</summary>
    public sealed record NamedField(SettingsField Field, string EnvName, string File);

    public static ConfigSelector? Find(IReadOnlyList<PythonModuleFacts> modules, IReadOnlyList<NamedField> fields)
    {
        var enums = modules.SelectMany(m => m.Enums.Select(e => (m.File, Enum: e))).GroupBy(x => x.Enum.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tables = modules.SelectMany(m => m.ChoiceTables.Select(t => (m.File, Table: t))).ToList();
        return FromEnumField(fields, enums, tables) ?? FromLiteralField(fields) ?? FromRead(modules, fields, tables) ?? FromComparisons(modules);
    }

    /// <summary><c>ENVIRONMENT: Literal["dev", "prod"]</c> on a selector-named settings field.</summary>
    private static ConfigSelector? FromLiteralField(IReadOnlyList<NamedField> fields)
    {
        foreach (var (field, envName, file) in fields)
        {
            if (field.Annotation is not { } annotation || !IsSelectorName(envName))
                continue;
            var match = LiteralAnnotation().Match(annotation);
            if (!match.Success)
                continue;
            var choices = match.Groups[1].Value.Split(',').Select(c => c.Trim().Trim('"', '\'')).Where(c => c.Length > 0).ToList();
            if (choices.Count < 2 || !choices.Any(IsEnvironmentName))
                continue;
            var production = choices.FirstOrDefault(IsProductionName);
            return new ConfigSelector
            {
                Variable = envName,
                Default = field.Default,
                Choices = choices,
                ProductionChoice = production,
                DefaultIsProduction = production is not null && field.Default == production,
                Source = $"{file}:{field.Line}",
                ChoicesSource = $"{file}:{field.Line}",
            };
        }
        return null;
    }

    public static bool IsProductionName(string value) => ProductionNames.Contains(value.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Resolves <c>AppEnvTypes.prod</c> to the member's literal value, when the Enum is one of the service's.</summary>
    public static string? EnumValue(string? dotted, IReadOnlyList<PythonModuleFacts> modules)
    {
        var dot = dotted?.LastIndexOf('.') ?? -1;
        if (dotted is null || dot < 0)
            return null;
        var enumName = LastSegment(dotted[..dot]);
        var member = dotted[(dot + 1)..];
        return modules.SelectMany(m => m.Enums).FirstOrDefault(e => e.Name == enumName)?.Members.FirstOrDefault(m => m.Name == member)?.Value;
    }

    private static ConfigSelector? FromEnumField(IReadOnlyList<NamedField> fields, Dictionary<string, (string File, EnumClass Enum)> enums,
        List<(string File, ChoiceTable Table)> tables)
    {
        foreach (var (field, envName, file) in fields)
        {
            if (AnnotatedEnum(field.Annotation) is not { } enumName || !enums.TryGetValue(enumName, out var declared) || declared.Enum.Members.Count < 2)
                continue;
            var keyed = tables.FirstOrDefault(t => t.Table.Entries.All(e => e.KeyEnum is { } k && LastSegment(k) == enumName));
            if (keyed.Table is null && !IsSelectorName(envName))
                continue;
            var members = declared.Enum.Members;
            var defaultMember = field.DefaultMember is { } dm && LastSegment(dm[..Math.Max(0, dm.LastIndexOf('.'))]) == enumName ? dm[(dm.LastIndexOf('.') + 1)..] : null;
            string? TargetOf(string memberName) => keyed.Table?.Entries.FirstOrDefault(e => e.Key == memberName)?.Target;
            var production = members.FirstOrDefault(m => IsProductionName(m.Value) || IsProductionName(m.Name))
                ?? members.FirstOrDefault(m => TargetOf(m.Name) is { } target && IsProductionClass(target));
            return new ConfigSelector
            {
                Variable = envName,
                Default = members.FirstOrDefault(m => m.Name == defaultMember)?.Value,
                Choices = [.. members.Select(m => m.Value)],
                ProductionChoice = production?.Value,
                DefaultIsProduction = production is not null && defaultMember is not null
                    && (defaultMember == production.Name || (TargetOf(defaultMember) is { } picked && picked == TargetOf(production.Name))),
                DefaultPicks = defaultMember is null ? null : TargetOf(defaultMember),
                Source = $"{file}:{field.Line}",
                ChoicesSource = keyed.Table is { } table ? $"{keyed.File}:{table.Line}" : $"{declared.File}:{declared.Enum.Line}",
            };
        }
        return null;
    }

    private static ConfigSelector? FromRead(IReadOnlyList<PythonModuleFacts> modules, IReadOnlyList<NamedField> fields, List<(string File, ChoiceTable Table)> tables)
    {
        var reads = modules.SelectMany(m => m.FallbackReads.Concat(m.EnvReads).Select(r => (r.Name, r.Default, Source: $"{m.File}:{r.Line}")))
            .Concat(fields.Where(f => f.Field.Annotation is null or "str").Select(f => (Name: f.EnvName, f.Field.Default, Source: $"{f.File}:{f.Field.Line}")))
            .Where(r => IsSelectorName(r.Name))
            .OrderByDescending(r => r.Default is not null)
            .ToList();
        foreach (var read in reads)
        {
            var stringTables = tables.Where(t => t.Table.Entries.All(e => e.KeyEnum is null) && t.Table.Entries.Any(e => IsEnvironmentName(e.Key))).ToList();
            var match = stringTables.FirstOrDefault(t => read.Default is { } d && t.Table.Entries.Any(e => e.Key == d));
            if (match.Table is null && read.Default is null)
                match = stringTables.FirstOrDefault(t => t.Table.Entries.Any(e => IsProductionName(e.Key)));
            if (match.Table is not { } table)
                continue;
            string? TargetOf(string? key) => key is null ? null : table.Entries.FirstOrDefault(e => e.Key == key)?.Target;
            var production = table.Entries.FirstOrDefault(e => IsProductionName(e.Key)) ?? table.Entries.FirstOrDefault(e => IsProductionClass(e.Target));
            return new ConfigSelector
            {
                Variable = read.Name,
                Default = read.Default,
                Choices = [.. table.Entries.Select(e => e.Key).Distinct(StringComparer.Ordinal)],
                ProductionChoice = production?.Key,
                DefaultIsProduction = production is not null && read.Default is not null && (read.Default == production.Key || TargetOf(read.Default) == production.Target),
                DefaultPicks = TargetOf(read.Default),
                Source = read.Source,
                ChoicesSource = $"{match.File}:{table.Line}",
            };
        }
        return null;
    }

    private static ConfigSelector? FromComparisons(IReadOnlyList<PythonModuleFacts> modules)
    {
        var compared = modules.SelectMany(m => m.EnvComparisons.Select(c => (m.File, Comparison: c)))
            .Where(x => IsSelectorName(x.Comparison.Variable) && IsEnvironmentName(x.Comparison.Value))
            .GroupBy(x => x.Comparison.Variable, StringComparer.Ordinal)
            .FirstOrDefault();
        if (compared is null)
            return null;
        var first = compared.First();
        var fallback = compared.Select(x => x.Comparison.Default).FirstOrDefault(d => d is not null);
        var choices = compared.Select(x => (string?)x.Comparison.Value).Append(fallback).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var production = choices.FirstOrDefault(IsProductionName);
        return new ConfigSelector
        {
            Variable = compared.Key,
            Default = fallback,
            Choices = choices,
            ProductionChoice = production,
            DefaultIsProduction = production is not null && fallback == production,
            Source = $"{first.File}:{first.Comparison.Line}",
            ChoicesSource = $"{first.File}:{first.Comparison.Line}",
        };
    }

    private static bool IsSelectorName(string variable)
    {
        var upper = variable.ToUpperInvariant();
        return upper != "DJANGO_SETTINGS_MODULE" && SelectorSuffixes.Any(s => upper == s || upper.EndsWith("_" + s, StringComparison.Ordinal));
    }

    private static bool IsEnvironmentName(string value) => EnvironmentNames.Contains(value.ToLowerInvariant(), StringComparer.Ordinal);

    private static bool IsProductionClass(string target)
    {
        var name = LastSegment(target);
        return name.StartsWith("Production", StringComparison.Ordinal) || name.StartsWith("Prod", StringComparison.Ordinal);
    }

    /// <summary>"AppEnvTypes" for <c>AppEnvTypes</c>, <c>base.AppEnvTypes</c> or <c>Optional[AppEnvTypes]</c>.</summary>
    private static string? AnnotatedEnum(string? annotation)
    {
        if (annotation is null)
            return null;
        var text = annotation.Trim();
        if (text.StartsWith("Optional[", StringComparison.Ordinal) && text.EndsWith(']'))
            text = text["Optional[".Length..^1];
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') ? LastSegment(text) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:typing\.)?Literal\[(.*)\]$")]
    private static partial System.Text.RegularExpressions.Regex LiteralAnnotation();

    private static string LastSegment(string dotted) => dotted[(dotted.LastIndexOf('.') + 1)..];
}
