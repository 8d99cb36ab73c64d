namespace Berth.Linting.Rules.Images;

/// <summary>The base image, stage, COPY/ADD, metadata and BuildKit-check family (BDF1xx, BDF3xx, BDF5xx).</summary>
public static class ImageRules
{
    public static IReadOnlyList<DockerfileRule> All { get; } =
    [
        new UntaggedImage(),
        new LatestTag(),
        new ConstantPlatformFlag(),
        new RedundantTargetPlatform(),
        new UndefinedArgInFrom(),
        new InvalidDefaultArgInFrom(),
        new DuplicateStageName(),
        new ReservedStageName(),
        new StageNameCasing(),
        new FromAsCasing(),
        new InstructionBeforeFrom(),
        new InvalidStageName(),
        new CopyFromUnknownStage(),
        new CopyFromOwnStage(),
        new CopyEntireFilesystem(),
        new AddForLocalFiles(),
        new MultiSourceCopyWithoutSlash(),
        new RelativeCopyWithoutWorkdir(),
        new ArchiveCopiedThenExtracted(),
        new CopyAllBeforeDependencyInstall(),
        new CopyIgnoredFile(),
        new CopySourceOutsideContext(),
        new AddUrlWithoutChecksum(),
        new NonNumericUser(),
        new RelativeWorkdir(),
        new InvalidExposePort(),
        new ExposeProtocolCasing(),
        new MultipleHealthchecks(),
        new MultipleCommands(),
        new MaintainerDeprecated(),
        new SelfReferencingEnv(),
        new LegacyKeyValueFormat(),
        new InconsistentInstructionCasing(),
        new InvalidLabelKey(),
        new MissingHealthcheck(),
        new UndefinedVariable(),
        new SshPortExposed(),
        new EmptyContinuationLine(),
        new InvalidHealthcheckOption(),
        new InvalidStopsignal(),
    ];
}
