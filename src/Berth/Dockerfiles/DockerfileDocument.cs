using System.Text;

namespace Berth.Dockerfiles;

/// <summary>A parsed Dockerfile: every node in source order, together covering the whole text.</summary>
public sealed record DockerfileDocument(
    string Path,
    bool HasByteOrderMark,
    char EscapeChar,
    IReadOnlyList<DockerfileNode> Nodes,
    IReadOnlyList<DockerfileDiagnostic> Diagnostics)
{
    // Every rule walks the instructions and many the stages: work them out once per document. Kept with the nodes they were
    // read from, so a copy made with other nodes (`with { Nodes = ... }`) works them out again.
    private Derived? _derived;

    private Derived Read => _derived is { } derived && ReferenceEquals(derived.Nodes, Nodes) ? derived : _derived = new Derived(this);

    public IEnumerable<ParserDirective> Directives => Nodes.OfType<ParserDirective>();

    public ItemList<Instruction> Instructions => Read.Instructions;

    public ParserDirective? Directive(string name) =>
        Directives.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Instructions before the first FROM (global ARGs).</summary>
    public IReadOnlyList<Instruction> GlobalInstructions => [.. Instructions.TakeWhile(i => i is not FromInstruction)];

    /// <summary>The build stages, one per FROM.</summary>
    public ItemList<DockerfileStage> Stages => Read.Stages;

    /// <summary>
    /// The document with the text of <paramref name="span"/> replaced and parsed again: the primitive
    /// for fixes (every byte outside the span is kept).
    /// </summary>
    public DockerfileDocument ReplaceText(SourceSpan span, string replacement)
    {
        var text = ToText();
        var bom = HasByteOrderMark ? 1 : 0;
        var start = Math.Clamp(span.Start, bom, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        return DockerfileParser.Parse(Path, string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end)));
    }

    private sealed class Derived
    {
        public Derived(DockerfileDocument document)
        {
            Nodes = document.Nodes;
            Instructions = InstructionsOf(Nodes);
            Stages = DockerfileStage.Split(Instructions);
        }

        /// <summary>The instructions among the nodes, counted first so their array is made once at its size.</summary>
        private static ItemList<Instruction> InstructionsOf(IReadOnlyList<DockerfileNode> nodes)
        {
            var count = 0;
            for (var i = 0; i < nodes.Count; i++)
            {
                if (nodes[i] is Instruction)
                    count++;
            }
            var instructions = new Instruction[count];
            var next = 0;
            for (var i = 0; i < nodes.Count; i++)
            {
                if (nodes[i] is Instruction instruction)
                    instructions[next++] = instruction;
            }
            return ItemList<Instruction>.Wrap(instructions);
        }

        public IReadOnlyList<DockerfileNode> Nodes { get; }
        public ItemList<Instruction> Instructions { get; }
        public ItemList<DockerfileStage> Stages { get; }
    }

    /// <summary>Prints the document back; for an unmodified document this is the parsed text, byte for byte.</summary>
    public string ToText()
    {
        var builder = new StringBuilder();
        if (HasByteOrderMark)
            builder.Append('\uFEFF');
        foreach (var node in Nodes)
            builder.Append(node.Text).Append(node.LineBreak);
        return builder.ToString();
    }
}

/// <summary>A build stage: its FROM and the instructions up to the next FROM.</summary>
public sealed record DockerfileStage(int Index, FromInstruction From, ItemList<Instruction> Instructions)
{
    /// <summary>The stage name as written after AS, or null.</summary>
    public string? Name => From.StageName?.Value;

    internal static ItemList<DockerfileStage> Split(IEnumerable<Instruction> instructions)
    {
        var stages = new List<DockerfileStage>();
        FromInstruction? from = null;
        var body = new List<Instruction>();
        foreach (var instruction in instructions)
        {
            if (instruction is FromInstruction next)
            {
                if (from is not null)
                    stages.Add(new DockerfileStage(stages.Count, from, new(body)));
                from = next;
                body = [];
            }
            else if (from is not null)
            {
                body.Add(instruction);
            }
        }
        if (from is not null)
            stages.Add(new DockerfileStage(stages.Count, from, new(body)));
        return new(stages);
    }
}
