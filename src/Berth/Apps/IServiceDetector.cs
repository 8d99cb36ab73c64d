namespace Berth.Apps;

/// <summary>Finds the services of one language in a source tree and builds their profiles.</summary>
public interface IServiceDetector
{
    /// <summary>The <see cref="RuntimeInfo.Language"/> of the profiles it builds.</summary>
    string Language { get; }

    DetectedServices Detect(SourceTree tree);
}

/// <summary>One detector's findings: the services, the folders it looked at and set aside, and what it noticed.</summary>
public sealed record DetectedServices(IReadOnlyList<ServiceProfile> Services, IReadOnlyList<SkippedFolder> Skipped, IReadOnlyList<string> Notes);
