using Berth.Apps;
using Berth.Kubernetes;

namespace Berth.Linting.Rules.Kubernetes;

/// <summary>Which containers run the app: the only main container of a pod, else the one named after the app, else those that declare the app's port.</summary>
internal static class AppContainers
{
    public static IEnumerable<(PodTemplate Pod, ContainerSpec Container)> Of(KubernetesLintContext context)
    {
        if (context.App is not { } app)
            yield break;
        foreach (var pod in context.PodTemplates.Where(p => !p.RunsToCompletion))
        {
            var main = pod.Containers.ToList();
            var chosen = main.Count == 1 ? main
                : main.Where(c => c.Name == app.Name) is var named && named.Any() ? named.ToList()
                : main.Where(c => c.Ports.Any(p => p.Number == app.Port)).ToList();
            foreach (var container in chosen)
                yield return (pod, container);
        }
    }

    /// <summary>The command line the container runs, when the manifest writes it (command then args).</summary>
    public static IReadOnlyList<string> CommandLine(ContainerSpec container) =>
        [.. (container.Node["command"]?.Items ?? []).Concat(container.Node["args"]?.Items ?? []).Select(i => i.Text ?? "")
            .SelectMany(word => word.Contains(' ', StringComparison.Ordinal) ? word.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [word])];

    /// <summary>The value after <paramref name="flags"/> in a command line (<c>--workers 4</c> or <c>--workers=4</c>).</summary>
    public static string? Option(IReadOnlyList<string> words, params string[] flags)
    {
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var flag in flags)
            {
                if (words[i] == flag && i + 1 < words.Count)
                    return words[i + 1];
                if (words[i].StartsWith(flag + "=", StringComparison.Ordinal))
                    return words[i][(flag.Length + 1)..];
            }
        }
        return null;
    }

    public static bool RunsGunicorn(ServiceProfile app, ContainerSpec container) =>
        CommandLine(container).Any(w => w.EndsWith("gunicorn", StringComparison.Ordinal)) || (CommandLine(container).Count == 0 && app.Server == "gunicorn");
}
