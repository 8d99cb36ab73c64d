using System.Text;

namespace Berth.Generation.Compose;

/// <summary>
/// The env file of the development services: their placeholder credentials, and the URLs the apps reach them at. Placeholders only —
/// these services exist for local runs and are reachable only on the compose network.
/// </summary>
public static class ComposeEnvWriter
{
    public static string Write(ComposePlan plan)
    {
        var text = new StringBuilder();
        text.Append("# Development services of compose.yaml, written by `berth init`: placeholder credentials for local runs only.\n");
        text.Append("# These services are reachable only on the compose network (no published ports); never reuse these values anywhere real.\n");
        text.Append("# compose.yaml gives this file to the development services and, after each app's own .env, to the apps that use them.\n");
        foreach (var dev in plan.DevServices)
        {
            text.Append("\n# ").Append(dev.Name).Append(" (").Append(dev.Kind.DisplayName).Append(')');
            if (dev.Credentials.Count == 0)
            {
                text.Append(": no password\n");
                continue;
            }
            text.Append('\n');
            foreach (var (name, value) in dev.Credentials)
                text.Append(name).Append('=').Append(value).Append('\n');
        }
        if (plan.DevServiceUrls.Count > 0)
        {
            text.Append("\n# what the apps read: each service by its compose name\n");
            foreach (var (name, value) in plan.DevServiceUrls)
                text.Append(name).Append('=').Append(value).Append('\n');
        }
        return text.ToString();
    }
}
