using System.Diagnostics;
using System.Globalization;
using System.Net;
using Berth.EndToEnd.Apps;
using Berth.EndToEnd.Engine;
using Berth.EndToEnd.Workspace;
using YamlDotNet.RepresentationModel;

namespace Berth.EndToEnd.Kubernetes;

/// <summary>
/// The image and the generated pod spec agree: each example's dev-overlay Deployment (as <c>kubectl kustomize</c> renders it) runs on
/// the engine the way a kubelet would run it — the image's own command (the manifest sets none), env from the ConfigMap plus
/// placeholder values for the secretKeyRef keys, runAsUser/runAsGroup, a read-only root filesystem with a tmpfs per emptyDir mount,
/// no capabilities, no privilege escalation, the memory and CPU limits — and the startup, readiness and liveness probes answer on
/// their paths and the container port, every process runs as runAsUser, and SIGTERM stops it well inside the grace period.
/// Skipped loudly without an engine or kubectl.
/// </summary>
[Collection(ContainerEngineCollection.Name)]
public sealed class PodSpecOnEngineTests
{
    [Theory]
    [InlineData("notes-api", "slim")]
    [InlineData("inventory-service", "distroless")]
    public async Task The_generated_pod_spec_runs_the_image_and_its_probes_answer(string example, string runtime)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var engine = await ContainerEngine.RequireAsync();
        var kubectl = new[] { "/var/lib/testbed/bin/kubectl", "/usr/bin/kubectl", "/usr/local/bin/kubectl" }.FirstOrDefault(File.Exists);
        if (kubectl is null)
        {
            const string message = "NO KUBECTL: /var/lib/testbed/bin/kubectl or /usr/bin/kubectl (run `. ../shared/testbed/up`) - the pod spec was not run";
            await Console.Error.WriteLineAsync(message);
            Assert.Skip(message);
        }

        var app = ExampleApp.Named(example);
        using var scratch = TempDirectory.Create($"berth-e2e-pod-{example}-");
        var service = await InitializedService.CreateAsync(app, scratch, ["--runtime", runtime], cancellationToken);
        Assert.True(service.Init.ExitCode == 0, "berth init failed:\n" + service.Init.Describe());
        var leaks = service.DotenvLeaks().ToList();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));

        var rendered = Render(kubectl!, Path.Combine(service.Directory, "k8s", "overlays", "dev"));
        var objects = new YamlStream();
        objects.Load(new StringReader(rendered));
        var documents = objects.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        var deployment = documents.Single(d => Text(d, "kind") == "Deployment");
        var pod = Map(deployment, "spec", "template", "spec");
        var container = (YamlMappingNode)((YamlSequenceNode)pod.Children[new YamlScalarNode("containers")]).Children.Single();
        Assert.False(container.Children.ContainsKey(new YamlScalarNode("command")), "the manifest must run the image's own command");
        Assert.Equal("Never", Text(container, "imagePullPolicy"));

        // The image the dev overlay names (the service's name, tag dev), built under a name of this test's own so that a shared
        // engine's other users never see it replaced or removed.
        Assert.Equal($"{example}:dev", Text(container, "image"));
        var image = $"berth-e2e-pod-{example}:dev";
        var build = await engine.BuildAsync(service.Directory, image, cancellationToken);
        Assert.True(build.Succeeded, $"docker build failed:\n{build.StandardError}");
        var name = $"berth-e2e-pod-{example}";
        await engine.RemoveContainerAsync(name);
        try
        {
            var arguments = new List<string> { "run", "-d", "--name", name, "--network", "host" };
            var podSecurity = Map(pod, "securityContext");
            var uid = Text(podSecurity, "runAsUser");
            arguments.AddRange(["--user", $"{uid}:{Text(podSecurity, "runAsGroup")}"]);
            var security = Map(container, "securityContext");
            if (Text(security, "readOnlyRootFilesystem") == "true")
                arguments.Add("--read-only");
            if (Text(security, "allowPrivilegeEscalation") == "false")
                arguments.AddRange(["--security-opt", "no-new-privileges"]);
            foreach (var drop in (YamlSequenceNode)Map(security, "capabilities").Children[new YamlScalarNode("drop")])
                arguments.AddRange(["--cap-drop", ((YamlScalarNode)drop).Value!]);
            var emptyDirs = ((YamlSequenceNode)pod.Children[new YamlScalarNode("volumes")]).Cast<YamlMappingNode>()
                .Where(v => v.Children.ContainsKey(new YamlScalarNode("emptyDir"))).Select(v => Text(v, "name")).ToHashSet();
            foreach (var mount in ((YamlSequenceNode)container.Children[new YamlScalarNode("volumeMounts")]).Cast<YamlMappingNode>())
            {
                Assert.Contains(Text(mount, "name"), emptyDirs);
                arguments.AddRange(["--tmpfs", $"{Text(mount, "mountPath")}:rw,exec,mode=1777"]);
            }
            var limits = Map(container, "resources", "limits");
            arguments.AddRange(["--memory", Memory(Text(limits, "memory")), "--cpus", Cpus(Text(limits, "cpu"))]);

            // env: the ConfigMap behind envFrom, then each secretKeyRef with the example's placeholder value.
            var configMapName = Text(Map((YamlMappingNode)((YamlSequenceNode)container.Children[new YamlScalarNode("envFrom")]).Children.Single(), "configMapRef"), "name");
            var configMap = documents.Single(d => Text(d, "kind") == "ConfigMap" && Text(Map(d, "metadata"), "name") == configMapName);
            var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (configMap.Children.TryGetValue(new YamlScalarNode("data"), out var data) && data is YamlMappingNode dataMap)
            {
                foreach (var (key, value) in dataMap.Children)
                    environment[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value!;
            }
            if (container.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var variable in ((YamlSequenceNode)env).Cast<YamlMappingNode>())
                {
                    var key = Text(Map(variable, "valueFrom", "secretKeyRef"), "key");
                    environment[Text(variable, "name")] = app.RunEnvironment.TryGetValue(key, out var placeholder) ? placeholder : $"e2e-placeholder-{key.ToLowerInvariant()}";
                }
            }
            foreach (var (key, value) in environment)
                arguments.AddRange(["-e", $"{key}={value}"]);
            arguments.Add(image);

            var started = await engine.RunAsync(arguments, cancellationToken);
            Assert.True(started.Succeeded, $"docker {string.Join(' ', arguments)} failed:\n{started.StandardError}");

            var port = int.Parse(Text((YamlMappingNode)((YamlSequenceNode)container.Children[new YamlScalarNode("ports")]).Children.Single(), "containerPort"), CultureInfo.InvariantCulture);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            // The startup probe's budget: failureThreshold × periodSeconds.
            var startup = Map(container, "startupProbe");
            var budget = TimeSpan.FromSeconds(int.Parse(Text(startup, "failureThreshold"), CultureInfo.InvariantCulture) * int.Parse(Text(startup, "periodSeconds"), CultureInfo.InvariantCulture));
            foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
            {
                var path = Text(Map(container, probe, "httpGet"), "path");
                Assert.Equal("http", Text(Map(container, probe, "httpGet"), "port"));
                var status = await PollAsync(http, $"http://127.0.0.1:{port}{path}", budget, cancellationToken);
                Assert.True(status == HttpStatusCode.OK,
                    $"{probe} GET {path} on port {port} answered {status}\n--- logs ---\n{await engine.LogsAsync(name, cancellationToken)}\n--- docker run ---\n{string.Join(' ', arguments)}");
            }

            var (uids, _) = await engine.ProcessUidsAsync(name, cancellationToken);
            Assert.NotEmpty(uids);
            Assert.All(uids, u => Assert.Equal(int.Parse(uid, CultureInfo.InvariantCulture), u));

            // The kubelet sends SIGTERM after the preStop sleep; the rest of the grace period must be enough.
            var grace = int.Parse(Text(pod, "terminationGracePeriodSeconds"), CultureInfo.InvariantCulture);
            var preStop = int.Parse(Text(Map(container, "lifecycle", "preStop", "sleep"), "seconds"), CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            var stop = await engine.RunAsync(["stop", "-t", (grace - preStop).ToString(CultureInfo.InvariantCulture), name], cancellationToken);
            clock.Stop();
            Assert.True(stop.Succeeded, stop.StandardError);
            var exit = await engine.InspectAsync(name, "{{.State.ExitCode}}", cancellationToken);
            Assert.True(exit is "0" or "143", $"exit code {exit} after SIGTERM (137 = killed when the grace period ran out)");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(grace - preStop), $"stopping took {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            await engine.RemoveContainerAsync(name);
            await engine.RemoveImageAsync(image);
        }
    }

    private static string Render(string kubectl, string overlay)
    {
        var start = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(overlay);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay}: {stderr}");
        return stdout.Result;
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, string url, TimeSpan budget, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (clock.Elapsed < budget)
        {
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                last = response.StatusCode;
                if (last == HttpStatusCode.OK)
                    return last;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(500, cancellationToken);
        }
        return last;
    }

    private static YamlMappingNode Map(YamlMappingNode node, params string[] path)
    {
        foreach (var key in path)
            node = (YamlMappingNode)node.Children[new YamlScalarNode(key)];
        return node;
    }

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    /// <summary>Kubernetes quantities as docker wants them: 256Mi → 256m, 1Gi → 1g.</summary>
    private static string Memory(string quantity) =>
        quantity.EndsWith("Mi", StringComparison.Ordinal) ? quantity[..^2] + "m"
        : quantity.EndsWith("Gi", StringComparison.Ordinal) ? quantity[..^2] + "g"
        : throw new FormatException($"memory quantity {quantity}");

    private static string Cpus(string quantity) =>
        quantity.EndsWith('m')
            ? (int.Parse(quantity[..^1], CultureInfo.InvariantCulture) / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)
            : quantity;
}
