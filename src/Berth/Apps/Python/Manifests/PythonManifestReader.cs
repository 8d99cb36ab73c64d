namespace Berth.Apps.Python.Manifests;

/// <summary>
/// Works out how one Python service declares and installs its dependencies: the package manager, the manifest and lock
/// files, production and development requirements, and where the project and its workspace live.
/// Looks in the service folder first, then upward to the scan root.
/// </summary>
/// <remarks>
/// Precedence in the nearest folder holding a manifest: requirements.txt, then uv.lock, poetry.lock, pdm.lock
/// (also a root uv.lock of a uv workspace that declares the folder as a member), then Pipfile/Pipfile.lock, then
/// a pyproject.toml without a lock (<c>[tool.poetry]</c>, <c>[tool.pdm]</c>, <c>[tool.uv]</c>, else <c>pip install .</c>).
/// </remarks>
public static class PythonManifestReader
{
    private static readonly string[] ProjectFiles = ["pyproject.toml", "Pipfile", "Pipfile.lock", "setup.py", "setup.cfg"];

    public static PythonManifests? Read(string scanRoot, string serviceDirectory)
    {
        var service = ScanPath.Service(serviceDirectory);
        var directory = ScanPath.SelfAndAncestors(service).FirstOrDefault(d => HoldsManifest(scanRoot, d));
        return directory is null ? null : new ManifestScan(scanRoot, directory).Read();
    }

    private static bool HoldsManifest(string scanRoot, string directory) =>
        ProjectFiles.Any(f => ScanPath.FileExists(scanRoot, ScanPath.Join(directory, f)))
        || RequirementsFileRoles.Discover(scanRoot, directory).Count > 0;

    /// <summary>The reading of one project folder; collects evidence as it decides.</summary>
    private sealed class ManifestScan(string scanRoot, string directory)
    {
        private readonly List<Evidence> _evidence = [];
        private readonly List<string> _usedDirectories = [directory];

        private string Path(string name) => ScanPath.Join(directory, name);

        private bool Exists(string name) => ScanPath.FileExists(scanRoot, Path(name));

        public PythonManifests Read()
        {
            var pyproject = Exists("pyproject.toml") ? PyprojectReader.Read(scanRoot, Path("pyproject.toml")) : null;
            var requirementFiles = RequirementsFileRoles.Discover(scanRoot, directory);
            var hasPipfile = Exists("Pipfile") || Exists("Pipfile.lock");

            PythonManifests manifests;
            if (Exists("requirements.txt"))
            {
                _evidence.Add(new Evidence("package manager pip: requirements.txt takes precedence over other manifests", Path("requirements.txt"), 0));
                manifests = FromRequirements(requirementFiles, pyproject);
            }
            else if (pyproject is not { DeclaresProject: true } && !hasPipfile
                && requirementFiles.Any(f => RequirementsFileRoles.Classify(f).Role != RequirementsFileRole.Development))
            {
                _evidence.Add(new Evidence(
                    pyproject is null
                        ? "package manager pip: requirement files and no other manifest"
                        : "package manager pip: requirement files; pyproject.toml only configures tools",
                    requirementFiles[0],
                    0));
                manifests = FromRequirements(requirementFiles, pyproject);
            }
            else if (pyproject is not null)
            {
                manifests = FromPyproject(pyproject, hasPipfile);
            }
            else if (hasPipfile)
            {
                manifests = FromPipfile(null);
            }
            else if (Exists("setup.py") || Exists("setup.cfg"))
            {
                var setup = Exists("setup.py") ? Path("setup.py") : Path("setup.cfg");
                _evidence.Add(new Evidence("package manager pip: setuptools project installed with 'pip install .'", setup, 0));
                manifests = Manifests(PythonPackageManager.Pip, setup, null, [], [], null);
            }
            else
            {
                _evidence.Add(new Evidence("package manager pip: only development requirement files", requirementFiles[0], 0));
                manifests = FromRequirements(requirementFiles, pyproject);
            }

            if (manifests.ManifestFile is { } manifest && ScanPath.FileName(manifest) == "pyproject.toml")
                manifests = manifests with { InstallInputs = PyprojectInputs(manifests, manifest) };
            return manifests with { ProjectRoot = ScanPath.CommonAncestor(_usedDirectories), Evidence = _evidence };
        }

        /// <summary>
        /// Local packages the pyproject names. The uv, Poetry and PDM installs copy the manifest and lock into the build context's
        /// root, so a local package must sit inside the project folder (or the uv workspace) for the install step to reach it.
        /// </summary>
        private IReadOnlyList<InstallInput> PyprojectInputs(PythonManifests manifests, string manifest)
        {
            var inputs = InstallInputFinder.FromPyproject(scanRoot, manifest, manifests.Dependencies);
            var context = manifests.WorkspaceRoot ?? directory;
            foreach (var input in inputs.Where(i => !RelativePath.IsAtOrBelow(i.Path, context)))
            {
                throw new InputException(input.File, input.Line,
                    $"the install reads '{input.Path}', outside the project folder '{context}' that is the image's build context: " +
                    "move it inside the project, or make the project a uv workspace whose root holds both");
            }
            foreach (var input in inputs)
                _evidence.Add(new Evidence($"the install reads {(input.IsFolder ? "the local package" : "the file")} '{input.Path}': copied before the dependency step", input.File, input.Line));
            return inputs;
        }

        private PythonManifests FromRequirements(IReadOnlyList<string> files, Pyproject? pyproject)
        {
            var production = new List<string>();
            var development = new List<string>();
            var unknown = new List<string>();
            foreach (var file in files)
            {
                var (role, word) = RequirementsFileRoles.Classify(file);
                (role switch
                {
                    RequirementsFileRole.Production => production,
                    RequirementsFileRole.Development => development,
                    _ => unknown,
                }).Add(file);
                if (role != RequirementsFileRole.Unknown)
                    _evidence.Add(new Evidence($"{(role == RequirementsFileRole.Production ? "production" : "development")} requirements (named '{word}')", file, 0));
                else
                    _evidence.Add(new Evidence("requirements file with a name that says neither production nor development: not installed", file, 0));
            }

            var reader = new RequirementsFileReader(scanRoot);
            var requirementsTxt = Path("requirements.txt");
            if (production.Contains(requirementsTxt))
                production = [requirementsTxt];
            else if (production.Count == 0 && development.Count == 0)
                production = unknown;
            var productionTops = TopLevel(reader, production);
            var developmentTops = TopLevel(reader, development);

            var productionClosure = reader.Closure(productionTops);
            var productionPaths = productionClosure.Select(c => c.File.Path).ToHashSet(StringComparer.Ordinal);
            var developmentClosure = reader.Closure(developmentTops).Where(c => !productionPaths.Contains(c.File.Path)).ToList();

            var dependencies = productionClosure.Where(c => !c.ConstraintsOnly).SelectMany(c => c.File.Requirements).ToList();
            var devDependencies = developmentClosure.Where(c => !c.ConstraintsOnly).SelectMany(c => c.File.Requirements).ToList();
            var included = productionClosure.Concat(developmentClosure)
                .Select(c => c.File.Path)
                .Where(p => !productionTops.Contains(p) && !developmentTops.Contains(p))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            _usedDirectories.AddRange(productionClosure.Concat(developmentClosure).Select(c => ScanPath.DirectoryOf(c.File.Path)));

            var manifest = productionTops.FirstOrDefault() ?? developmentTops.FirstOrDefault();
            var inputs = productionTops.Count == 0
                ? []
                : InstallInputFinder.FromRequirements(scanRoot, productionClosure.Select(c => c.File).ToList(), productionTops, ScanPath.DirectoryOf(productionTops[0]));
            foreach (var input in inputs)
                _evidence.Add(new Evidence($"the install reads {(input.IsFolder ? "the local package" : "the file")} '{input.Path}': copied before the dependency step", input.File, input.Line));
            // the build context must hold every local package (the -r/-c files' folders are in already)
            _usedDirectories.AddRange(inputs.Select(i => i.IsFolder ? i.Path : ScanPath.DirectoryOf(i.Path)));
            return Manifests(PythonPackageManager.Pip, manifest, null, dependencies, devDependencies, pyproject) with
            {
                InstallInputs = inputs,
                ProductionRequirementFiles = productionTops,
                DevelopmentRequirementFiles = developmentTops,
                IncludedRequirementFiles = included,
            };
        }

        /// <summary>Files of one role that no other file of the same role includes: the ones to pass to <c>pip install -r</c>.</summary>
        private static List<string> TopLevel(RequirementsFileReader reader, List<string> files)
        {
            var includedByOthers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var (reached, _) in reader.Closure([file]).Skip(1))
                    includedByOthers.Add(reached.Path);
            }

            return files.Where(f => !includedByOthers.Contains(f)).ToList();
        }

        private PythonManifests FromPyproject(Pyproject pyproject, bool hasPipfile)
        {
            foreach (var (lockName, manager) in new[] { ("uv.lock", PythonPackageManager.Uv), ("poetry.lock", PythonPackageManager.Poetry), ("pdm.lock", PythonPackageManager.Pdm) })
            {
                if (!Exists(lockName))
                    continue;
                _evidence.Add(new Evidence($"package manager {Name(manager)}: {lockName} next to pyproject.toml", Path(lockName), 0));
                var workspace = pyproject.Workspace is null ? null : directory;
                if (workspace is not null)
                    _evidence.Add(new Evidence("uv workspace root", pyproject.Path, pyproject.Workspace!.Line));
                return FromLockedPyproject(pyproject, manager, Path(lockName), workspace);
            }

            if (FindWorkspace() is { } found)
            {
                _usedDirectories.Add(found.Root);
                if (found.Lock is not null)
                    _evidence.Add(new Evidence($"package manager uv: the workspace's uv.lock at {found.Root}", found.Lock, 0));
                else
                    _evidence.Add(new Evidence("package manager uv: member of a uv workspace without a uv.lock", found.Evidence.File, found.Evidence.Line));
                _evidence.Add(found.Evidence);
                return FromLockedPyproject(pyproject, PythonPackageManager.Uv, found.Lock, found.Root);
            }

            if (hasPipfile)
                return FromPipfile(pyproject);

            var (toolManager, line) = pyproject switch
            {
                { HasPoetry: true } => (PythonPackageManager.Poetry, pyproject.PoetryLine),
                { HasPdm: true } => (PythonPackageManager.Pdm, pyproject.PdmLine),
                { HasUv: true } => (PythonPackageManager.Uv, pyproject.UvLine),
                _ => (PythonPackageManager.Pip, 0),
            };
            _evidence.Add(toolManager == PythonPackageManager.Pip
                ? new Evidence("package manager pip: pyproject.toml without a lock file, installed with 'pip install .'", pyproject.Path, 0)
                : new Evidence($"package manager {Name(toolManager)}: [tool.{Name(toolManager)}] in pyproject.toml (no lock file)", pyproject.Path, line));
            var workspaceRoot = pyproject.Workspace is null ? null : directory;
            return Manifests(toolManager, pyproject.Path, null, pyproject.Dependencies, pyproject.DevDependencies, pyproject) with { WorkspaceRoot = workspaceRoot };
        }

        private PythonManifests FromLockedPyproject(Pyproject pyproject, PythonPackageManager manager, string? lockFile, string? workspaceRoot)
        {
            IReadOnlyList<LockedPackage> locked = [];
            if (lockFile is not null)
            {
                _usedDirectories.Add(ScanPath.DirectoryOf(lockFile));
                locked = manager switch
                {
                    PythonPackageManager.Uv => UvLockReader.Read(scanRoot, lockFile, pyproject.ProjectName).Packages,
                    PythonPackageManager.Poetry => PoetryLockReader.Read(scanRoot, lockFile),
                    _ => PdmLockReader.Read(scanRoot, lockFile),
                };
            }

            return Manifests(manager, pyproject.Path, lockFile, pyproject.Dependencies, pyproject.DevDependencies, pyproject) with
            {
                LockedPackages = locked,
                WorkspaceRoot = workspaceRoot,
            };
        }

        private sealed record Workspace(string Root, string? Lock, Evidence Evidence);

        /// <summary>An ancestor whose pyproject declares this folder a <c>[tool.uv.workspace]</c> member, or whose uv.lock lists it as a local project.</summary>
        private Workspace? FindWorkspace()
        {
            if (directory == ".")
                return null;
            foreach (var ancestor in ScanPath.SelfAndAncestors(ScanPath.DirectoryOf(directory)))
            {
                var member = ScanPath.RelativeTo(ancestor, directory)!;
                var lockFile = ScanPath.Join(ancestor, "uv.lock");
                var hasLock = ScanPath.FileExists(scanRoot, lockFile);
                var pyprojectPath = ScanPath.Join(ancestor, "pyproject.toml");
                if (ScanPath.FileExists(scanRoot, pyprojectPath)
                    && PyprojectReader.Read(scanRoot, pyprojectPath) is { Workspace: { } workspace }
                    && workspace.Declares(member))
                {
                    var fact = $"workspace member '{member}' of {ancestor} (members glob '{workspace.MatchingGlob(member)}')";
                    return new Workspace(ancestor, hasLock ? lockFile : null, new Evidence(fact, pyprojectPath, workspace.Line));
                }

                if (hasLock && UvLockReader.Read(scanRoot, lockFile, null).LocalProjects.Any(p => ScanPath.TryJoin(".", p.Directory) == member))
                    return new Workspace(ancestor, lockFile, new Evidence($"uv.lock lists '{member}' as a local project", lockFile, 0));
            }

            return null;
        }

        private PythonManifests FromPipfile(Pyproject? pyproject)
        {
            var pipfilePath = Exists("Pipfile") ? Path("Pipfile") : null;
            var lockPath = Exists("Pipfile.lock") ? Path("Pipfile.lock") : null;
            _evidence.Add(new Evidence(
                lockPath is null ? "package manager pipenv: Pipfile without Pipfile.lock" : "package manager pipenv: Pipfile.lock",
                lockPath ?? pipfilePath!,
                0));
            var pipfile = pipfilePath is null ? null : PipfileReader.Read(scanRoot, pipfilePath);
            var locked = lockPath is null ? [] : PipfileLockReader.Read(scanRoot, lockPath);
            return Manifests(PythonPackageManager.Pipenv, pipfilePath ?? lockPath, lockPath, pipfile?.Packages ?? [], pipfile?.DevPackages ?? [], pyproject) with
            {
                LockedPackages = locked,
            };
        }

        private PythonManifests Manifests(
            PythonPackageManager manager,
            string? manifestFile,
            string? lockFile,
            IReadOnlyList<PythonRequirement> dependencies,
            IReadOnlyList<PythonRequirement> devDependencies,
            Pyproject? pyproject)
        {
            if (pyproject?.ProjectName is { } name)
                _evidence.Add(new Evidence($"project name '{name}'", pyproject.Path, pyproject.ProjectNameLine));
            var requiresPython = pyproject?.RequiresPython ?? pyproject?.PoetryPython;
            if (requiresPython is not null)
            {
                var line = pyproject!.RequiresPython is not null ? pyproject.RequiresPythonLine : pyproject.PoetryPythonLine;
                _evidence.Add(new Evidence($"requires Python '{requiresPython}'", pyproject.Path, line));
            }

            var packageRoots = pyproject?.PackageRoots is { Count: > 0 } configured ? configured : PackageRootReader.FromShape(scanRoot, directory);
            return new PythonManifests(
                manager,
                directory,
                manifestFile,
                lockFile,
                [],
                [],
                dependencies,
                devDependencies,
                [],
                pyproject?.ProjectName,
                packageRoots,
                pyproject?.Scripts ?? new Dictionary<string, string>(),
                null,
                requiresPython,
                _evidence);
        }

        private static string Name(PythonPackageManager manager) => manager.ToString().ToLowerInvariant();
    }
}
