using Berth.Apps;
using Berth.Dockerfiles;
using Berth.Linting.Configuration;

namespace Berth.Linting;

/// <summary>Everything a Dockerfile rule may read: the parsed file, its resolved stages, what Berth knows of each base image, the app, and the team's configuration.</summary>
public sealed class DockerfileLintContext
{
    private readonly Dictionary<int, BaseImageFacts?> _facts = [];
    private readonly Dictionary<Type, object> _shared = [];

    public DockerfileLintContext(string file, DockerfileDocument document, ServiceProfile? app, Func<string, bool>? contextFileExists = null, string? dockerignore = null, LintConfiguration? configuration = null)
    {
        File = file;
        Document = document;
        App = app;
        Graph = StageGraph.Build(document);
        ContextFileExists = contextFileExists ?? (_ => false);
        Dockerignore = dockerignore;
        Configuration = configuration ?? LintConfiguration.Empty;
    }

    public string File { get; }
    public DockerfileDocument Document { get; }
    public StageGraph Graph { get; }
    public ServiceProfile? App { get; }

    /// <summary>The text of the build context's .dockerignore, or null when there is none.</summary>
    public string? Dockerignore { get; }

    public Func<string, bool> ContextFileExists { get; }

    /// <summary>The configuration of the run: the settings some rules read (trusted registries, the label schema).</summary>
    public LintConfiguration Configuration { get; }

    public ItemList<ResolvedStage> Stages => Graph.Stages;

    public ResolvedStage? Final => Graph.Final;

    /// <summary>The external image a stage ultimately builds on (following FROM another-stage), or null when unresolved.</summary>
    public ImageReference? ExternalBase(int stageIndex)
    {
        var seen = new HashSet<int>();
        var stage = Stages[stageIndex];
        while (stage.BaseStage is { } parent && seen.Add(parent.Index))
            stage = Stages[parent.Index];
        return stage.BaseImage;
    }

    /// <summary>What Berth knows of a stage's base image, or null when the image is unknown or unresolved.</summary>
    public BaseImageFacts? Facts(int stageIndex)
    {
        if (!_facts.TryGetValue(stageIndex, out var facts))
        {
            facts = ExternalBase(stageIndex) is { } image ? BaseImageFacts.For(image.Text) : null;
            _facts[stageIndex] = facts;
        }
        return facts;
    }

    /// <summary>The user a stage's instructions run as at a given instruction: the last USER before it in the stage (or its parent stages), else the base image's default.</summary>
    public string UserAt(int stageIndex, Instruction? before = null)
    {
        var stage = Stages[stageIndex].Stage;
        string? user = null;
        foreach (var instruction in stage.Instructions)
        {
            if (ReferenceEquals(instruction, before))
                break;
            if (instruction is UserInstruction u)
                user = u.User;
        }
        if (user is not null)
            return user;
        if (Stages[stageIndex].BaseStage is { } parent && parent.Index != stageIndex)
            return UserAt(parent.Index);
        return Facts(stageIndex)?.DefaultUser ?? "root";
    }

    /// <summary>
    /// Something rules read the same way, worked out once per file and shared (e.g. every command of every RUN); one value per type.
    /// Rules of one file run on one thread.
    /// </summary>
    internal T Shared<T>(Func<DockerfileLintContext, T> compute) where T : class
    {
        if (_shared.TryGetValue(typeof(T), out var value))
            return (T)value;
        var computed = compute(this);
        _shared[typeof(T)] = computed;
        return computed;
    }

    public static bool IsRoot(string user) => user is "root" or "0" || user.StartsWith("0:", StringComparison.Ordinal) || user.StartsWith("root:", StringComparison.Ordinal);
}
