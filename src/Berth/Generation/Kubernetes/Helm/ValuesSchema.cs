using System.Text;
using System.Text.Json;

namespace Berth.Generation.Kubernetes.Helm;

/// <summary>
/// values.schema.json: helm install, upgrade, lint and template check values against it, so a mistyped key in a service block
/// (additionalProperties false), a string replica count or a port out of range fails before anything reaches the cluster.
/// </summary>
public static class ValuesSchema
{
    public static string Write()
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft-07/schema#");
            json.WriteString("type", "object");
            Required(json, "services", "gateway");
            json.WriteStartObject("properties");
            Type(json, "nameOverride", "string");
            json.WriteStartObject("services");
            json.WriteString("type", "object");
            json.WriteStartObject("additionalProperties");
            Service(json);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("gateway");
            json.WriteString("type", "object");
            json.WriteBoolean("additionalProperties", false);
            Required(json, "enabled", "create", "name", "sectionName");
            json.WriteStartObject("properties");
            Type(json, "enabled", "boolean");
            Type(json, "create", "boolean");
            DnsName(json, "name");
            Type(json, "namespace", "string");
            DnsName(json, "sectionName");
            Type(json, "className", "string");
            Port(json, "port");
            Type(json, "controllerNamespace", "string");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Service(Utf8JsonWriter json)
    {
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "name", "component", "image", "replicaCount", "autoscaling", "service", "env", "existingSecret", "secretEnv", "resources",
            "startupProbe", "readinessProbe", "livenessProbe", "podSecurityContext", "securityContext", "terminationGracePeriodSeconds",
            "preStopSleepSeconds", "writablePaths", "topologySpread", "httpRoute", "networkPolicy");
        json.WriteStartObject("properties");
        DnsName(json, "name");
        Type(json, "component", "string");
        json.WriteStartObject("image");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "repository", "tag", "pullPolicy");
        json.WriteStartObject("properties");
        Type(json, "repository", "string");
        Type(json, "tag", "string");
        json.WriteStartObject("pullPolicy");
        json.WriteStartArray("enum");
        json.WriteStringValue("Always");
        json.WriteStringValue("IfNotPresent");
        json.WriteStringValue("Never");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        Integer(json, "replicaCount", 1, null);
        json.WriteStartObject("autoscaling");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "enabled", "minReplicas", "maxReplicas", "targetCPUUtilizationPercentage");
        json.WriteStartObject("properties");
        Type(json, "enabled", "boolean");
        Integer(json, "minReplicas", 1, null);
        Integer(json, "maxReplicas", 1, null);
        Integer(json, "targetCPUUtilizationPercentage", 1, 100);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("service");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "port");
        json.WriteStartObject("properties");
        Port(json, "port");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("env");
        json.WriteString("type", "object");
        json.WriteStartObject("additionalProperties");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        DnsName(json, "existingSecret");
        json.WriteStartObject("secretEnv");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "name", "optional");
        json.WriteStartObject("properties");
        Type(json, "name", "string");
        Type(json, "optional", "boolean");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        foreach (var name in new[] { "resources", "startupProbe", "readinessProbe", "livenessProbe", "podSecurityContext", "securityContext" })
            Type(json, name, "object");
        Integer(json, "terminationGracePeriodSeconds", 1, null);
        Integer(json, "preStopSleepSeconds", 0, null);
        json.WriteStartObject("writablePaths");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "name", "mountPath");
        json.WriteStartObject("properties");
        DnsName(json, "name");
        json.WriteStartObject("mountPath");
        json.WriteString("type", "string");
        json.WriteString("pattern", "^/");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        Type(json, "topologySpread", "boolean");
        json.WriteStartObject("httpRoute");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "enabled", "pathPrefix", "hostnames");
        json.WriteStartObject("properties");
        Type(json, "enabled", "boolean");
        json.WriteStartObject("pathPrefix");
        json.WriteString("type", "string");
        json.WriteString("pattern", "^/");
        json.WriteEndObject();
        json.WriteStartObject("hostnames");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteString("pattern", @"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("networkPolicy");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "enabled", "fromGateway", "fromServices");
        json.WriteStartObject("properties");
        Type(json, "enabled", "boolean");
        Type(json, "fromGateway", "boolean");
        json.WriteStartObject("fromServices");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        Migration(json);
        json.WriteEndObject();
    }

    /// <summary>A service's optional migration block (only services with a migration have one).</summary>
    private static void Migration(Utf8JsonWriter json)
    {
        json.WriteStartObject("migration");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        Required(json, "enabled", "name", "command", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished");
        json.WriteStartObject("properties");
        Type(json, "enabled", "boolean");
        DnsName(json, "name");
        json.WriteStartObject("command");
        json.WriteString("type", "array");
        json.WriteNumber("minItems", 1);
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        Integer(json, "backoffLimit", 0, null);
        Integer(json, "activeDeadlineSeconds", 1, null);
        Integer(json, "ttlSecondsAfterFinished", 0, null);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Required(Utf8JsonWriter json, params string[] names)
    {
        json.WriteStartArray("required");
        foreach (var name in names)
            json.WriteStringValue(name);
        json.WriteEndArray();
    }

    private static void Type(Utf8JsonWriter json, string name, string type)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        json.WriteEndObject();
    }

    private static void Integer(Utf8JsonWriter json, string name, int minimum, int? maximum)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "integer");
        json.WriteNumber("minimum", minimum);
        if (maximum is { } max)
            json.WriteNumber("maximum", max);
        json.WriteEndObject();
    }

    private static void Port(Utf8JsonWriter json, string name) => Integer(json, name, 1, 65535);

    private static void DnsName(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "string");
        json.WriteString("pattern", "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        json.WriteNumber("maxLength", 63);
        json.WriteEndObject();
    }
}
