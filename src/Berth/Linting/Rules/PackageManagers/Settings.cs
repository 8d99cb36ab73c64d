using Berth.Dockerfiles;

namespace Berth.Linting.Rules.PackageManagers;

/// <summary>A variable set by ENV, an ARG default, a RUN assignment (<c>X=1 cmd</c>) or <c>export X=1</c>, with where its value is written.</summary>
internal sealed record Setting(string Name, string Value, SourceSpan Span);

internal static class Settings
{
    /// <summary>Every variable setting in the file, in source order (read once per file, shared by the rules).</summary>
    public static IReadOnlyList<Setting> All(DockerfileLintContext context) => context.Shared(SettingList.Read).Settings;

    private sealed class SettingList(List<Setting> settings)
    {
        public IReadOnlyList<Setting> Settings { get; } = settings;

        public static SettingList Read(DockerfileLintContext context) => new([.. Find(context)]);
    }

    private static IEnumerable<Setting> Find(DockerfileLintContext context)
    {
        foreach (var instruction in context.Document.Instructions)
        {
            if (instruction is EnvInstruction env)
            {
                foreach (var pair in env.Pairs)
                    yield return new Setting(pair.Key, pair.Value, pair.Span);
            }
            else if (instruction is ArgInstruction arg)
            {
                foreach (var declaration in arg.Declarations.Where(d => d.Default is not null))
                    yield return new Setting(declaration.Name, declaration.Default!, declaration.Span);
            }
            else if (instruction is RunInstruction run)
            {
                foreach (var command in RunCommands.Of(run))
                {
                    var words = command.Name == "export" ? command.Assignments.Concat(command.Arguments) : command.Assignments;
                    foreach (var word in words)
                    {
                        var eq = word.Value.IndexOf('=', StringComparison.Ordinal);
                        if (eq > 0)
                            yield return new Setting(word.Value[..eq], word.Value[(eq + 1)..], word.Span);
                    }
                }
            }
        }
    }

    public static bool IsFalsy(string value) => value.Trim().ToLowerInvariant() is "0" or "false" or "no" or "off";
}
