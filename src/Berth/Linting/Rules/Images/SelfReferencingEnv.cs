using Berth.Dockerfiles;

namespace Berth.Linting.Rules.Images;

/// <summary>
/// BDF509: an ENV value refers to a variable set earlier in the same ENV (ENV A=1 B=$A). Docker expands the whole instruction with the
/// values from before it, so B gets the old A (often empty). <c>ENV PATH=/x:$PATH</c> refers to the previous value on purpose and is fine.
/// </summary>
public sealed class SelfReferencingEnv : DockerfileRule
{
    public override RuleInfo Info { get; } = new("BDF509", "self-referencing-env", Severity.Error,
        "An ENV value uses a variable defined in the same ENV instruction", ["DL3044"]);

    public override void Check(DockerfileLintContext context, FindingSink findings)
    {
        var escape = context.Document.EscapeChar;
        foreach (var stage in context.Stages)
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var ancestor in ImageText.Lineage(context.Stages, stage.Stage.Index).Skip(1))
                known.UnionWith(ancestor.Instructions.OfType<EnvInstruction>().SelectMany(e => e.Pairs).Select(p => p.Key));
            foreach (var instruction in stage.Stage.Instructions)
            {
                if (instruction is ArgInstruction arg)
                {
                    known.UnionWith(arg.Declarations.Select(d => d.Name));
                    continue;
                }
                if (instruction is not EnvInstruction env)
                    continue;
                var earlier = new HashSet<string>(StringComparer.Ordinal);
                foreach (var pair in env.Pairs)
                {
                    var name = ImageText.Variables(pair.RawValue, escape).FirstOrDefault(n => earlier.Contains(n) && !known.Contains(n));
                    if (name is not null)
                        findings.Add(At(context, pair.ValueSpan, $"{pair.Key} uses ${name}, which this same ENV sets: Docker expands it with the value from before the instruction (unset here)",
                            $"Split it: set {name} in one ENV and {pair.Key} in the next"));
                    earlier.Add(pair.Key);
                }
                known.UnionWith(earlier);
            }
        }
    }
}
