using Berth.Kubernetes;
using Berth.Kubernetes.Schema;

namespace Berth.Tests.Kubernetes;

public sealed class KubeSchemaTests
{
    [Theory]
    [InlineData("apps/v1", "Deployment"), InlineData("apps/v1", "StatefulSet"), InlineData("batch/v1", "CronJob"), InlineData("v1", "Service")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler"), InlineData("policy/v1", "PodDisruptionBudget"), InlineData("networking.k8s.io/v1", "Ingress")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"), InlineData("gateway.networking.k8s.io/v1", "Gateway"), InlineData("gateway.networking.k8s.io/v1", "GatewayClass")]
    [InlineData("gateway.networking.k8s.io/v1", "HTTPRoute"), InlineData("gateway.networking.k8s.io/v1", "GRPCRoute"), InlineData("gateway.networking.k8s.io/v1beta1", "ReferenceGrant")]
    public void Has_the_kinds_people_write(string apiVersion, string kind)
    {
        var shape = KubeSchema.ShapeOf(apiVersion, kind);
        Assert.NotNull(shape);
        Assert.Contains("metadata", shape.Fields.Keys);
    }

    [Fact]
    public void Types_the_fields_of_a_container_down_to_its_security_context()
    {
        var container = KubeSchema.Shape("CoreV1Container");
        Assert.Equal(new FieldType(FieldKind.List, Item: new FieldType(FieldKind.Object, "CoreV1ContainerPort")), container.Fields["ports"]);
        Assert.Equal(FieldKind.IntOrString, KubeSchema.Shape("CoreV1HTTPGetAction").Fields["port"].Kind);
        Assert.Equal(new FieldType(FieldKind.Map, Item: new FieldType(FieldKind.Quantity)), KubeSchema.Shape("CoreV1ResourceRequirements").Fields["limits"]);
        Assert.Equal(FieldKind.Boolean, KubeSchema.Shape("CoreV1SecurityContext").Fields["readOnlyRootFilesystem"].Kind);
        Assert.Equal(FieldKind.Number, KubeSchema.Shape("CoreV1ContainerPort").Fields["containerPort"].Kind);
        Assert.Contains("capabilities", KubeSchema.Shape("CoreV1SecurityContext").Fields.Keys);
    }

    [Fact]
    public void Every_shape_a_field_names_is_in_the_table()
    {
        foreach (var apiVersion in KubeSchema.ApiVersions)
        {
            foreach (var kind in KubeSchema.KindsOf(apiVersion))
                Walk(KubeSchema.ShapeOf(apiVersion, kind)!, []);
        }

        static void Walk(KubeShape shape, HashSet<string> seen)
        {
            if (!seen.Add(shape.Name))
                return;
            foreach (var type in shape.Fields.Values)
            {
                var inner = type;
                while (inner.Item is not null)
                    inner = inner.Item;
                if (inner.Kind == FieldKind.Object)
                    Walk(KubeSchema.Shape(inner.Shape!), seen);
            }
        }
    }

    [Fact]
    public void Every_stable_kind_the_catalog_lists_is_checked_against_a_shape()
    {
        foreach (var apiVersion in new[] { "apps/v1", "batch/v1", "policy/v1", "autoscaling/v2", "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1", "gateway.networking.k8s.io/v1" })
        {
            foreach (var kind in KubeApiCatalog.KindsOf(apiVersion))
                Assert.True(KubeSchema.ShapeOf(apiVersion, kind) is not null, $"{apiVersion} {kind} has no shape");
        }
    }
}
