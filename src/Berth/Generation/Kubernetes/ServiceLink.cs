namespace Berth.Generation.Kubernetes;

/// <summary>
/// One service reaching another through a variable it reads (a frontend's backend URL). Run-time links get the target Service's
/// DNS name; build-time links (NEXT_PUBLIC_*, VITE_*) are fixed in the image, so the target is reached by browsers and must be exposed.
/// </summary>
public sealed record ServiceLink(string From, string Variable, string To, bool BuildTime, string Source);
