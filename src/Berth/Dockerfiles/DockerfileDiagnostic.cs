namespace Berth.Dockerfiles;

/// <summary>Something the parser could not read as Docker would; parsing always goes on.</summary>
public sealed record DockerfileDiagnostic(string Code, string Message, SourceSpan Span);

/// <summary>Codes of the parser's diagnostics (BDP = Berth Dockerfile parse).</summary>
public static class DiagnosticCodes
{
    public const string UnknownInstruction = "BDP001";
    public const string MissingArguments = "BDP002";
    public const string UnterminatedHeredoc = "BDP003";
    public const string FlagWithoutName = "BDP004";
    public const string UnknownFlag = "BDP005";
    public const string InvalidEscapeDirective = "BDP006";
    public const string DuplicateDirective = "BDP007";
    public const string InvalidArguments = "BDP008";
    public const string InvalidJson = "BDP009";
}
