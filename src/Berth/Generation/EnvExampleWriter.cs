using System.Text;
using Berth.Apps;

namespace Berth.Generation;

/// <summary>
/// The env template: every variable the code reads, required ones first, each with where it is read.
/// Values come only from defaults written in the code, never from an existing .env file, and never for secrets.
/// </summary>
public static class EnvExampleWriter
{
    public static string Write(ServiceProfile profile)
    {
        var text = new StringBuilder();
        text.Append("# Environment for ").Append(profile.Name).Append(", written by `berth init` from the variables the code reads.\n");
        text.Append("# Copy to .env for local runs; in Kubernetes put secrets in a Secret and the rest in a ConfigMap.\n");
        text.Append("# Never commit real values.\n");
        if (profile.Env.Count == 0)
        {
            text.Append("\n# The code reads no environment variables.\n");
            return text.ToString();
        }

        var required = profile.Env.Where(e => e.Required && !e.BuildTime).ToList();
        var optional = profile.Env.Where(e => !e.Required && !e.BuildTime).ToList();
        var buildTime = profile.Env.Where(e => e.BuildTime).ToList();
        if (required.Count > 0)
        {
            text.Append("\n# ---- required: the app does not start without these ----\n");
            foreach (var variable in required)
                Variable(text, variable);
        }
        if (optional.Count > 0)
        {
            text.Append("\n# ---- optional: the value shown is the default in the code ----\n");
            foreach (var variable in optional)
                Variable(text, variable);
        }
        if (buildTime.Count > 0)
        {
            // Inlined by the bundler when the image is built: as runtime configuration they would look settable and change nothing.
            text.Append("\n# ---- fixed at build time: pass with `docker build --build-arg NAME=value`; setting them when the container starts changes nothing ----\n");
            foreach (var variable in buildTime)
            {
                text.Append("# read at ").Append(variable.Source).Append('\n');
                text.Append("# --build-arg ").Append(variable.Name).Append('=');
                if (!variable.Secret && variable.Default is { } value)
                    text.Append(Quote(value));
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static void Variable(StringBuilder text, EnvVariable variable)
    {
        text.Append("# ").Append(variable.Secret ? "secret; " : "").Append("read at ").Append(variable.Source);
        if (variable.Secret && !variable.Required)
            text.Append(" (has a default in code; not shown)");
        text.Append('\n');
        if (variable.Choices is { Count: > 0 } choices)
            text.Append("# one of: ").Append(string.Join(", ", choices)).Append(variable.Default is { } chosen && Berth.Apps.Python.ConfigSelectorReader.IsProductionName(chosen) ? "; the value shown is the production one" : "").Append('\n');
        text.Append(variable.Name).Append('=');
        if (!variable.Secret && variable.Default is { } value)
            text.Append(Quote(value));
        text.Append('\n');
    }

    private static string Quote(string value)
    {
        if (value.Length == 0)
            return "\"\"";
        var plain = value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':' or ',' or '@' or '+' or '=');
        return plain ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
    }
}
