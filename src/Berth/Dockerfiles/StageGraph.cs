namespace Berth.Dockerfiles;

public enum StageEdgeKind
{
    /// <summary>FROM another stage or an image.</summary>
    Base,

    /// <summary>COPY --from= (or ADD --from=).</summary>
    CopyFrom,

    /// <summary>RUN --mount=from=.</summary>
    MountFrom,
}

/// <summary>What an edge points at: a stage of this file (<see cref="StageIndex"/>) or an external image.</summary>
public sealed record StageReference(string Text, int? StageIndex, ImageReference? Image)
{
    public bool IsStage => StageIndex is not null;
}

public sealed record StageEdge(int FromStage, StageReference Target, StageEdgeKind Kind, Instruction Source);

/// <summary>The stages of a Dockerfile and how they depend on each other and on images.</summary>
public sealed record StageGraph(ItemList<ResolvedStage> Stages, IReadOnlyList<StageEdge> Edges)
{
    /// <summary>The stage built when no --target is given: the last one (null when there is no FROM).</summary>
    public ResolvedStage? Final => Stages.Count > 0 ? Stages[^1] : null;

    public ResolvedStage? Stage(string nameOrIndex) => Find(nameOrIndex, Stages.Count) is { } i ? Stages[i] : null;

    public IEnumerable<StageEdge> EdgesFrom(int stageIndex) => Edges.Where(e => e.FromStage == stageIndex);

    /// <summary>Stages some later stage uses (as base, COPY --from or mount).</summary>
    public IEnumerable<int> UsedStages => Edges.Where(e => e.Target.StageIndex is not null).Select(e => e.Target.StageIndex!.Value).Distinct();

    /// <summary>The stages <paramref name="target"/> (by default the final one) needs, itself included, in index order.</summary>
    public IReadOnlyList<int> StagesNeededFor(int? target = null)
    {
        var needed = new SortedSet<int>();
        var pending = new Stack<int>();
        if ((target ?? Stages.Count - 1) is var start && start >= 0)
            pending.Push(start);
        while (pending.Count > 0)
        {
            var index = pending.Pop();
            if (!needed.Add(index))
                continue;
            foreach (var edge in EdgesFrom(index))
            {
                if (edge.Target.StageIndex is { } dependency)
                    pending.Push(dependency);
            }
        }
        return [.. needed];
    }

    public static StageGraph Build(DockerfileDocument document, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        var stages = BuildArgResolver.Resolve(document, buildArgs);
        var edges = new List<StageEdge>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in stages)
        {
            var index = stage.Stage.Index;
            var from = stage.Stage.From;
            edges.Add(new StageEdge(index, stage.BaseStage is { } b
                ? new StageReference(stage.BaseText, b.Index, null)
                : new StageReference(stage.BaseText, null, stage.BaseImage), StageEdgeKind.Base, from));
            foreach (var instruction in stage.Stage.Instructions)
            {
                if (instruction is CopyInstruction { From: { } copyFrom })
                    edges.Add(new StageEdge(index, Reference(copyFrom, index, names, stage, document.EscapeChar), StageEdgeKind.CopyFrom, instruction));
                else if (instruction is RunInstruction run)
                {
                    foreach (var mount in run.Mounts())
                    {
                        if (mount.From is { Length: > 0 } mountFrom)
                            edges.Add(new StageEdge(index, Reference(mountFrom, index, names, stage, document.EscapeChar), StageEdgeKind.MountFrom, instruction));
                    }
                }
            }
            if (from.NormalizedStageName is { } name)
                names.TryAdd(name, index);
        }
        return new StageGraph(new(stages), edges);
    }

    private static StageReference Reference(string text, int current, Dictionary<string, int> names, ResolvedStage stage, char escape)
    {
        var expanded = VariableExpander.Expand(text, n => stage.Variables.TryGetValue(n, out var v) ? v : null, escape).Value;
        if (int.TryParse(expanded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number < current)
            return new StageReference(expanded, number, null);
        if (names.TryGetValue(expanded, out var index))
            return new StageReference(expanded, index, null);
        return new StageReference(expanded, null, ImageReference.Parse(expanded));
    }

    private int? Find(string nameOrIndex, int count)
    {
        if (int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number < count ? number : null;
        for (var i = 0; i < Stages.Count; i++)
        {
            if (string.Equals(Stages[i].Stage.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return null;
    }
}
