namespace Berth.Dockerfiles;

/// <summary>A stage with its base image after ARG expansion: another stage of the file, or an external image.</summary>
public sealed record ResolvedStage(
    DockerfileStage Stage,
    string BaseText,
    ImageReference? BaseImage,
    DockerfileStage? BaseStage,
    IReadOnlyList<string> Unresolved,
    IReadOnlyDictionary<string, string> Variables)
{
    public bool IsResolved => Unresolved.Count == 0;
}

/// <summary>
/// Resolves ARG and ENV as BuildKit does: ARGs before the first FROM are global and visible in FROM
/// lines; inside a stage, <c>ARG NAME</c> without a default takes the global value; <c>--build-arg</c>
/// values override defaults of declared ARGs. Stages that build on another stage inherit its ENV.
/// </summary>
public static class BuildArgResolver
{
    public static IReadOnlyList<ResolvedStage> Resolve(DockerfileDocument document, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        buildArgs ??= new Dictionary<string, string>();
        var escape = document.EscapeChar;
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instruction in document.GlobalInstructions)
        {
            if (instruction is ArgInstruction arg)
                Declare(arg, global, global, buildArgs, escape);
        }

        var resolved = new List<ResolvedStage>();
        var byName = new Dictionary<string, ResolvedStage>(StringComparer.OrdinalIgnoreCase);
        foreach (var stage in document.Stages)
        {
            var raw = stage.From.ImageWord?.Raw ?? "";
            var lookup = Lookup(global, buildArgs);
            var expansion = VariableExpander.Expand(raw, lookup, escape);
            byName.TryGetValue(expansion.Value, out var baseStage);
            var scope = new Dictionary<string, string>(StringComparer.Ordinal);
            if (baseStage is not null)
            {
                foreach (var inherited in baseStage.Variables)
                    scope[inherited.Key] = inherited.Value;
            }
            var env = new Dictionary<string, string>(scope, StringComparer.Ordinal);
            foreach (var instruction in stage.Instructions)
            {
                if (instruction is ArgInstruction arg)
                {
                    Declare(arg, scope, global, buildArgs, escape);
                }
                else if (instruction is EnvInstruction envInstruction)
                {
                    foreach (var pair in envInstruction.Pairs)
                    {
                        var value = VariableExpander.Expand(pair.RawValue, n => scope.TryGetValue(n, out var v) ? v : null, escape).Value;
                        scope[pair.Key] = value;
                        env[pair.Key] = value;
                    }
                }
            }
            var image = baseStage is null && expansion.Value.Length > 0 ? ImageReference.Parse(expansion.Value) : null;
            var result = new ResolvedStage(stage, expansion.Value, image, baseStage?.Stage, expansion.Unresolved, scope);
            resolved.Add(result);
            if (stage.From.NormalizedStageName is { } name)
                byName[name] = result with { Variables = env };
        }
        return resolved;
    }

    /// <summary>Expands a word with the global ARGs (and build args) only, as in a FROM line.</summary>
    public static Expansion ExpandGlobal(DockerfileDocument document, string word, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        buildArgs ??= new Dictionary<string, string>();
        var global = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instruction in document.GlobalInstructions)
        {
            if (instruction is ArgInstruction arg)
                Declare(arg, global, global, buildArgs, document.EscapeChar);
        }
        return VariableExpander.Expand(word, Lookup(global, buildArgs), document.EscapeChar);
    }

    private static Func<string, string?> Lookup(Dictionary<string, string> scope, IReadOnlyDictionary<string, string> buildArgs) =>
        name => scope.TryGetValue(name, out var v) ? v : buildArgs.TryGetValue(name, out var b) && IsPredefined(name) ? b : null;

    /// <summary>Proxy and platform ARGs BuildKit provides without a declaration.</summary>
    private static bool IsPredefined(string name) => name is "HTTP_PROXY" or "http_proxy" or "HTTPS_PROXY" or "https_proxy"
        or "FTP_PROXY" or "ftp_proxy" or "NO_PROXY" or "no_proxy" or "ALL_PROXY" or "all_proxy"
        or "TARGETPLATFORM" or "TARGETOS" or "TARGETARCH" or "TARGETVARIANT"
        or "BUILDPLATFORM" or "BUILDOS" or "BUILDARCH" or "BUILDVARIANT";

    private static void Declare(ArgInstruction arg, Dictionary<string, string> scope, Dictionary<string, string> global,
        IReadOnlyDictionary<string, string> buildArgs, char escape)
    {
        foreach (var declaration in arg.Declarations)
        {
            if (buildArgs.TryGetValue(declaration.Name, out var given))
                scope[declaration.Name] = given;
            else if (declaration.DefaultRaw is not null)
                scope[declaration.Name] = VariableExpander.Expand(declaration.DefaultRaw, n => scope.TryGetValue(n, out var v) ? v : null, escape).Value;
            else if (!ReferenceEquals(scope, global) && global.TryGetValue(declaration.Name, out var inherited))
                scope[declaration.Name] = inherited;
        }
    }
}
