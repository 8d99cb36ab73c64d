namespace Berth.Linting.Rules.Kubernetes;

/// <summary>The Kubernetes family (BK8xxx): input, probes, resources, security, images, references, availability, Helm, Gateway API, the app.</summary>
public static class KubernetesRules
{
    public static IReadOnlyList<KubernetesRule> All { get; } =
    [
        new YamlSyntaxError(),
        new DuplicateYamlKey(),
        new NotAKubernetesObject(),
        new RetiredApiVersion(),
        new UnknownKind(),
        new UnknownField(),
        new WrongFieldType(),
        new InvalidLabelValue(),
        new ReadinessProbeMissing(),
        new LivenessProbeMissing(),
        new IdenticalProbes(),
        new ProbePortNotDeclared(),
        new CpuResourcesMissing(),
        new MemoryResourcesMissing(),
        new EphemeralStorageMissing(),
        new PrivilegedContainer(),
        new PrivilegeEscalationAllowed(),
        new MayRunAsRoot(),
        new WritableRootFilesystem(),
        new CapabilitiesNotDropped(),
        new CapabilityAdded(),
        new SeccompProfileUnset(),
        new HostNamespace(),
        new HostPort(),
        new HostPathVolume(),
        new RestrictedVolumeType(),
        new UnmaskedProcMount(),
        new UnsafeSysctl(),
        new WindowsHostProcess(),
        new AppArmorUnconfined(),
        new SeLinuxOptionsSet(),
        new ProbeHostSet(),
        new ServiceAccountTokenMounted(),
        new DeprecatedServiceAccountField(),
        new ImageTagMutable(),
        new ImagePullPolicyNotAlways(),
    ];
}
