namespace Berth.Verification;

/// <summary>What <c>berth verify</c> was asked to do.</summary>
public sealed record VerifyOptions
{
    /// <summary>The app folder (scanned for the profile; its Dockerfile is built unless an image is given).</summary>
    public string? AppPath { get; init; }

    /// <summary>A Dockerfile other than APP/Dockerfile.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>An existing image to check instead of building one (never removed).</summary>
    public string? Image { get; init; }

    public long? SizeBudgetBytes { get; init; }

    /// <summary>Keep the built image afterwards (containers are always removed).</summary>
    public bool Keep { get; init; }

    /// <summary>How long the app may take to answer its health route after start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>KEY=VALUE pairs from <c>--env</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? EnvFile { get; init; }
}

/// <summary>Where verify reports what it is doing (the CLI shows a spinner or plain lines; JSON mode stays quiet).</summary>
public interface IVerifyProgress
{
    void Step(string description);

    /// <summary>A line of build output.</summary>
    void Output(string line);
}

public sealed class SilentProgress : IVerifyProgress
{
    public static readonly SilentProgress Instance = new();

    public void Step(string description)
    {
    }

    public void Output(string line)
    {
    }
}
