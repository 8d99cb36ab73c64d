namespace Berth.Generation.Kubernetes;

/// <summary>
/// A service's database migration as a one-shot Kubernetes Job (a Helm pre-install/pre-upgrade hook in the chart): the same image,
/// env and pod hardening as the Deployment, <see cref="Command"/> in place of the image's entrypoint, and pod labels of its own
/// (<see cref="Name"/>, component <see cref="Component"/>) so no selector of the service picks its pod. Never chained into the
/// server's command, where every replica would race to migrate.
/// </summary>
/// <param name="Name">The Job's name and its pods' app.kubernetes.io/name: <c>NAME-migrate</c>, numbered when another service has that name.</param>
/// <param name="Command">The migration's argv (exec form, from the image contract).</param>
/// <param name="Reason">Where the command comes from (the repository's own start script, or the tool's standard command and where the tool was found).</param>
public sealed record MigrationJob(string Name, IReadOnlyList<string> Command, string Reason)
{
    /// <summary>app.kubernetes.io/component of the Job and its pods.</summary>
    public const string Component = "migration";

    /// <summary>The container's name in the Job's pod.</summary>
    public const string ContainerName = "migrate";

    /// <summary>Retries after a failed run: a migration that fails twice more will not pass on a fourth try.</summary>
    public const int BackoffLimit = 2;

    /// <summary>The Job fails after this long, so a migration stuck on a lock (or on a missing Secret) does not hang a release.</summary>
    public const int ActiveDeadlineSeconds = 600;

    /// <summary>
    /// A finished Job is deleted after this long: a Job's pod template is immutable, so the next release's apply (a new image tag)
    /// can only create it anew once the last one is gone; the logs stay readable for five minutes.
    /// </summary>
    public const int TtlSecondsAfterFinished = 300;
}
