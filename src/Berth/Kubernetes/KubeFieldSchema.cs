namespace Berth.Kubernetes;

/// <summary>A field the schema does not have, where it is, and the known field it most likely meant.</summary>
public sealed record UnknownField(YamlScalar Key, string Shape, string? Suggestion);

/// <summary>
/// The fields of the built-in shapes people write by hand (object metadata, workload and Service specs, pod spec, container, ports,
/// env, probes, security contexts, resources) from the Kubernetes 1.33 API reference: enough to catch misspelt and misplaced
/// fields (<c>imagepullPolicy</c>, <c>livenessprobe</c>, <c>ports</c> under <c>resources</c>) as kubeconform's strict mode does.
/// Shapes Berth does not model are not checked.
/// </summary>
public static class KubeFieldSchema
{
    private static readonly Dictionary<string, Dictionary<string, string?>> Shapes = new(StringComparer.Ordinal)
    {
        ["metadata"] = Fields("name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences finalizers managedFields"),
        ["workloadSpec"] = Fields("replicas selector template:template strategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds serviceName volumeClaimTemplates podManagementPolicy updateStrategy persistentVolumeClaimRetentionPolicy ordinals"),
        ["jobSpec"] = Fields("parallelism completions activeDeadlineSeconds podFailurePolicy successPolicy backoffLimit backoffLimitPerIndex maxFailedIndexes selector manualSelector template:template ttlSecondsAfterFinished completionMode suspend podReplacementPolicy managedBy"),
        ["cronJobSpec"] = Fields("schedule timeZone startingDeadlineSeconds concurrencyPolicy suspend jobTemplate:jobTemplate successfulJobsHistoryLimit failedJobsHistoryLimit"),
        ["jobTemplate"] = Fields("metadata:metadata spec:jobSpec"),
        ["template"] = Fields("metadata:metadata spec:podSpec"),
        ["podSpec"] = Fields("volumes initContainers:containers containers:containers ephemeralContainers:containers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext:podSecurityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources"),
        ["container"] = Fields("name image command args workingDir ports:containerPort envFrom env:envVar resources:resources resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe:probe readinessProbe:probe startupProbe:probe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext:securityContext stdin stdinOnce tty targetContainerName"),
        ["containerPort"] = Fields("name hostPort containerPort protocol hostIP"),
        ["envVar"] = Fields("name value valueFrom"),
        ["resources"] = Fields("limits requests claims"),
        ["probe"] = Fields("exec httpGet tcpSocket grpc initialDelaySeconds timeoutSeconds periodSeconds successThreshold failureThreshold terminationGracePeriodSeconds"),
        ["securityContext"] = Fields("capabilities privileged seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot readOnlyRootFilesystem allowPrivilegeEscalation procMount seccompProfile appArmorProfile"),
        ["podSecurityContext"] = Fields("seLinuxOptions windowsOptions runAsUser runAsGroup runAsNonRoot supplementalGroups supplementalGroupsPolicy fsGroup sysctls fsGroupChangePolicy seccompProfile appArmorProfile seLinuxChangePolicy"),
        ["serviceSpec"] = Fields("ports:servicePort selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution"),
        ["servicePort"] = Fields("name protocol appProtocol port targetPort nodePort"),
    };

    private static readonly Dictionary<string, string> TopLevel = new(StringComparer.Ordinal)
    {
        ["Deployment"] = "apiVersion kind metadata spec:workloadSpec status",
        ["StatefulSet"] = "apiVersion kind metadata spec:workloadSpec status",
        ["DaemonSet"] = "apiVersion kind metadata spec:workloadSpec status",
        ["ReplicaSet"] = "apiVersion kind metadata spec:workloadSpec status",
        ["Job"] = "apiVersion kind metadata spec:jobSpec status",
        ["CronJob"] = "apiVersion kind metadata spec:cronJobSpec status",
        ["Pod"] = "apiVersion kind metadata spec:podSpec status",
        ["Service"] = "apiVersion kind metadata spec:serviceSpec status",
        ["ConfigMap"] = "apiVersion kind metadata data binaryData immutable",
        ["Secret"] = "apiVersion kind metadata data stringData type immutable",
    };

    /// <summary>The unknown fields of a built-in object of a modelled kind (core and apps/batch kinds at their current versions).</summary>
    public static IEnumerable<UnknownField> UnknownFields(KubeObject subject)
    {
        if (!TopLevel.TryGetValue(subject.Kind, out var top) || !KubeApiCatalog.KindsOf(subject.ApiVersion).Contains(subject.Kind))
            return [];
        var found = new List<UnknownField>();
        Check(subject.Root, Fields(top), subject.Kind, found);
        return found;
    }

    private static void Check(YamlValue node, Dictionary<string, string?> fields, string shape, List<UnknownField> found)
    {
        foreach (var entry in node.Entries)
        {
            if (!fields.TryGetValue(entry.Key.Value, out var child))
            {
                found.Add(new UnknownField(entry.Key, shape, Suggest(entry.Key.Value, fields.Keys)));
                continue;
            }
            if (child is null)
                continue;
            if (child == "containers")
            {
                foreach (var item in entry.Value.Items)
                    Check(item, Shapes["container"], "container", found);
            }
            else if (Shapes.TryGetValue(child, out var shapeFields))
            {
                if (entry.Value is YamlList list)
                {
                    foreach (var item in list.Children)
                        Check(item, shapeFields, child, found);
                }
                else
                {
                    Check(entry.Value, shapeFields, child, found);
                }
            }
        }
    }

    private static Dictionary<string, string?> Fields(string spec)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in spec.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                fields[field] = field == "metadata" ? "metadata" : null;
            else
                fields[field[..colon]] = field[(colon + 1)..];
        }
        return fields;
    }

    /// <summary>The known field the written one most likely meant: same letters in another case, else at most two edits away.</summary>
    public static string? Suggest(string written, IEnumerable<string> known)
    {
        var names = known.ToList();
        return names.FirstOrDefault(n => string.Equals(n, written, StringComparison.OrdinalIgnoreCase))
            ?? names.Select(n => (Name: n, Distance: Distance(n.ToLowerInvariant(), written.ToLowerInvariant()))).Where(n => n.Distance <= 2).OrderBy(n => n.Distance).Select(n => n.Name).FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
            return 3;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
