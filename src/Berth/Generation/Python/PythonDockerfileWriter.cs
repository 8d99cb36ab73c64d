using System.Text;
using Berth.Apps;
using Berth.Apps.Python;

namespace Berth.Generation.Python;

/// <summary>Renders a <see cref="PythonImagePlan"/> as a multi-stage Dockerfile. Same plan, same bytes.</summary>
public static class PythonDockerfileWriter
{
    private const string LockPinsScript =
        "import tomllib; pkgs = tomllib.load(open(\"poetry.lock\", \"rb\"))[\"package\"]; " +
        "main = [p for p in pkgs if \"main\" in p.get(\"groups\", [p.get(\"category\", \"main\")])]; " +
        "marker = lambda p: p[\"markers\"].get(\"main\") if isinstance(p.get(\"markers\"), dict) else p.get(\"markers\"); " +
        "print(\"\\n\".join(p[\"name\"] + \"==\" + p[\"version\"] + (\"; \" + marker(p) if marker(p) else \"\") for p in main))";

    public static string Write(PythonImagePlan plan, OutputLayout layout)
    {
        var profile = plan.Profile;
        var text = new StringBuilder();
        var distroless = plan.Runtime == RuntimeFlavor.Distroless;

        Header(text, plan, layout);

        if (distroless)
        {
            text.Append("ARG BUILDER_IMAGE=").Append(plan.BuilderImage).Append('\n');
            text.Append("ARG RUNTIME_IMAGE=").Append(plan.RuntimeImage).Append('\n');
        }
        else
        {
            text.Append("ARG PYTHON_VERSION=").Append(plan.PythonVersion).Append('\n');
            text.Append("ARG BUILDER_IMAGE=python:${PYTHON_VERSION}-slim\n");
            text.Append("ARG RUNTIME_IMAGE=python:${PYTHON_VERSION}-slim\n");
        }
        var frontend = plan.Frontend;
        if (frontend is not null)
            text.Append("ARG FRONTEND_IMAGE=").Append(frontend.Image).Append('\n');
        if (plan.Installer == "uv")
        {
            text.Append("ARG UV_IMAGE=").Append(PythonImagePlan.UvImage).Append("\n\n");
            text.Append("FROM ${UV_IMAGE} AS uv\n");
        }
        text.Append('\n');

        if (frontend is not null)
        {
            frontend.Write(text);
            text.Append('\n');
        }
        Builder(text, plan);
        text.Append('\n');
        Runtime(text, plan);
        return text.ToString();
    }

    private static void Header(StringBuilder text, PythonImagePlan plan, OutputLayout layout)
    {
        var p = plan.Profile;
        text.Append("# Dockerfile for ").Append(p.Name).Append(", written by `berth init` from what `berth scan` found:\n");
        text.Append("#   ").Append(p.Framework).Append(" app ").Append(p.Entrypoint).Append(", Python ").Append(plan.PythonVersion)
            .Append(" (").Append(p.Runtime.VersionSource).Append("), ").Append(p.PackageManager)
            .Append(p.LockFile is null ? "" : " with " + p.LockFile).Append('\n');
        text.Append("#   served by ").Append(plan.Server).Append(" on port ").Append(p.Port)
            .Append(plan.HealthRoute is null ? ", no health route (TCP health check)" : $", health check GET {plan.HealthRoute.Path}").Append('\n');
        if (plan.ServerFlags.Kept.Any())
            text.Append("#   server flags the repository states: ")
                .Append(string.Join(", ", plan.ServerFlags.Kept.Select(f => $"{(f == plan.ServerFlags.Workers && WorkersFromEnvironment(plan) is { } variable ? $"{variable}={f.Value}" : string.Join(' ', f.Words))} ({f.From.Source})"))).Append('\n');
        if (p.Migrations is { } migrations)
            text.Append("#   migrations (").Append(migrations.Tool).Append("): run once per release before starting it, not in CMD:\n")
                .Append("#     docker run --rm ").Append(p.Name).Append(' ').Append(migrations.Command).Append('\n');
        if (plan.Frontend is { } frontend)
            text.Append("#   serves what ").Append(frontend.Frontend.Package).Append("'s `").Append(frontend.Frontend.BuildScript).Append("` script writes (").Append(frontend.Frontend.Source)
                .Append("): built in the frontend stage, copied to ").Append(frontend.OutputInRuntime(p)).Append('\n');
        BuildInstructions.Append(text, p, layout, plan.RuntimeImage);
    }

    private static void Builder(StringBuilder text, PythonImagePlan plan)
    {
        var profile = plan.Profile;
        var distroless = plan.Runtime == RuntimeFlavor.Distroless;
        var interpreter = distroless ? "python" + plan.PythonVersion : "python";

        text.Append("# ---- builder: dependencies into a virtual environment (build tools stay here) ----\n");
        text.Append("FROM ${BUILDER_IMAGE} AS builder\n");
        Env(text, [("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), ("PIP_DISABLE_PIP_VERSION_CHECK", "1"), ("PIP_NO_INPUT", "1")]);

        var apt = new List<string>();
        if (distroless)
            apt.Add(plan.Installer == "uv" ? "python3" : "python3-venv");
        apt.AddRange(plan.BuildPackages);
        if (apt.Count > 0)
            AptInstall(text, apt);
        if (plan.Installer == "uv")
            text.Append("COPY --from=uv /uv /usr/local/bin/uv\n");

        if (plan.Installer != "uv")
            text.Append("RUN ").Append(interpreter).Append(" -m venv ").Append(PythonImagePlan.VenvPath).Append('\n');
        Env(text, [("VIRTUAL_ENV", PythonImagePlan.VenvPath), ("PATH", PythonImagePlan.VenvPath + "/bin:$PATH")]);
        text.Append("WORKDIR ").Append(PythonImagePlan.AppDirectory).Append('\n');

        var manifest = InContext(profile, profile.ManifestFile);
        var lockFile = InContext(profile, profile.LockFile);
        var pipCache = "--mount=type=cache,target=/root/.cache/pip";
        var extra = string.Join(' ', plan.ExtraPackages.Select(p => p.Requirement));
        switch (plan.Installer)
        {
            case "pip-requirements":
                if (InstallInputCopies.NeedsWholeContext(profile))
                {
                    text.Append("# the requirements install the project itself (").Append(profile.PythonPart().InstallInputs.First(i => i.IsFolder && RelativePath.Under(i.Path, profile.BuildContext) == ".").Source)
                        .Append("): the sources come first\n");
                    text.Append("COPY . .\n");
                }
                else
                {
                    foreach (var file in profile.PythonPart().RequirementFiles.Select(f => InContext(profile, f)!))
                        text.Append("COPY ").Append(file).Append(' ').Append(file.Contains('/', StringComparison.Ordinal) ? file : "./").Append('\n');
                    InstallInputCopies.Append(text, profile);
                }
                PinArguments(text, plan);
                var top = InContext(profile, profile.PythonPart().RequirementFiles[0])!;
                var topFolder = RelativePath.Parent(top);
                var localPackages = profile.PythonPart().LocalPackages;
                if (localPackages.Count > 0)
                    text.Append("# the repository's Dockerfile installs ").Append(string.Join(", ", localPackages.Select(l => $"{InContext(profile, l.Path)}/ ({l.Source})")))
                        .Append(" beside the requirements: installed here too, with their own dependencies\n");
                if (topFolder != "." && profile.PythonPart().InstallInputs.Any(i => i.IsFolder))
                {
                    // pip reads a local package's path relative to the folder it runs in: the top requirements file's, as on a laptop
                    var locals = string.Concat(localPackages.Select(l => $" {PythonImagePlan.AppDirectory}/{InContext(profile, l.Path)}"));
                    text.Append("WORKDIR ").Append(PythonImagePlan.AppDirectory).Append('/').Append(topFolder).Append('\n');
                    Run(text, [pipCache], $"pip install -r {RelativePath.FileName(top)}{locals}{(extra.Length > 0 ? " " + extra : "")}");
                    text.Append("WORKDIR ").Append(PythonImagePlan.AppDirectory).Append('\n');
                }
                else
                {
                    var locals = string.Concat(localPackages.Select(l => $" ./{InContext(profile, l.Path)}"));
                    Run(text, [pipCache], $"pip install -r {top}{locals}{(extra.Length > 0 ? " " + extra : "")}");
                }
                break;
            case "poetry-lock-pip":
                text.Append("COPY ").Append(manifest).Append(' ').Append(lockFile).Append(" ./\n");
                PinArguments(text, plan);
                Run(text, [pipCache],
                    $"python -c '{LockPinsScript}' > /tmp/requirements.lock.txt",
                    "pip install --no-deps -r /tmp/requirements.lock.txt" + (extra.Length > 0 ? $"\n pip install {extra}" : ""));
                break;
            case "poetry":
                text.Append("ARG POETRY_VERSION=").Append(PythonImagePlan.PoetryVersion).Append('\n');
                Run(text, [pipCache], $"{interpreter} -m venv /opt/poetry", "/opt/poetry/bin/pip install \"poetry==${POETRY_VERSION}\"");
                Env(text, [("POETRY_VIRTUALENVS_CREATE", "false"), ("POETRY_NO_INTERACTION", "1")]);
                text.Append("COPY ").Append(manifest).Append(lockFile is null ? "" : " " + lockFile).Append(" ./\n");
                InstallInputCopies.Append(text, profile);
                Run(text, ["--mount=type=cache,target=/root/.cache/pypoetry"], "/opt/poetry/bin/poetry install --only main --no-root --no-ansi");
                if (extra.Length > 0)
                {
                    PinArguments(text, plan);
                    Run(text, [pipCache], $"pip install {extra}");
                }
                break;
            case "pdm":
                text.Append("ARG PDM_VERSION=").Append(PythonImagePlan.PdmVersion).Append('\n');
                Run(text, [pipCache], $"{interpreter} -m venv /opt/pdm", "/opt/pdm/bin/pip install \"pdm==${PDM_VERSION}\"");
                text.Append("COPY ").Append(manifest).Append(lockFile is null ? "" : " " + lockFile).Append(" ./\n");
                InstallInputCopies.Append(text, profile);
                PinArguments(text, plan);
                Run(text, [pipCache], "/opt/pdm/bin/pdm export --prod --without-hashes -o /tmp/requirements.lock.txt",
                    "pip install --no-deps -r /tmp/requirements.lock.txt" + (extra.Length > 0 ? $"\n pip install {extra}" : ""));
                break;
            case "pipenv":
                text.Append("ARG PIPENV_VERSION=").Append(PythonImagePlan.PipenvVersion).Append('\n');
                Run(text, [pipCache], $"{interpreter} -m venv /opt/pipenv", "/opt/pipenv/bin/pip install \"pipenv==${PIPENV_VERSION}\"");
                text.Append("COPY ").Append(manifest).Append(lockFile is null ? "" : " " + lockFile).Append(" ./\n");
                PinArguments(text, plan);
                Run(text, [pipCache], "/opt/pipenv/bin/pipenv requirements > /tmp/requirements.lock.txt",
                    "pip install -r /tmp/requirements.lock.txt" + (extra.Length > 0 ? " " + extra : ""));
                break;
            case "uv":
                Env(text, [("UV_COMPILE_BYTECODE", "1"), ("UV_LINK_MODE", "copy"), ("UV_PYTHON_DOWNLOADS", "never"),
                    ("UV_PROJECT_ENVIRONMENT", PythonImagePlan.VenvPath), ("UV_PYTHON", (distroless ? "/usr/bin/python" : "/usr/local/bin/python") + plan.PythonVersion)]);
                var locked = profile.LockFile is null ? "" : " --locked";
                var uvCache = "--mount=type=cache,target=/root/.cache/uv";
                if (profile.WorkspaceRoot is not null && plan.ServiceInContext != ".")
                {
                    // A workspace member. uv checks the lock against every member, so the root manifest, the lock and each member's
                    // pyproject.toml come in first; the third-party dependencies install from them alone (cached until a manifest or the
                    // lock changes), then the sources arrive and the members themselves are installed.
                    var package = profile.PythonPart().ProjectName ?? profile.Name;
                    var rootManifest = InContext(profile, RelativePath.Join(profile.WorkspaceRoot, "pyproject.toml"));
                    text.Append("COPY ").Append(rootManifest).Append(lockFile is null ? "" : " " + lockFile).Append(" ./\n");
                    foreach (var member in profile.PythonPart().WorkspaceMembers.Select(m => InContext(profile, m)!))
                        text.Append("COPY ").Append(member).Append("/pyproject.toml ").Append(member).Append("/\n");
                    InstallInputCopies.Append(text, profile);
                    Run(text, [uvCache], $"uv sync{locked} --no-dev --no-install-workspace --package {package}");
                    text.Append("COPY . .\n");
                    Run(text, [uvCache], $"uv sync{locked} --no-dev --no-editable --package {package}");
                }
                else
                {
                    text.Append("COPY ").Append(manifest).Append(lockFile is null ? "" : " " + lockFile).Append(" ./\n");
                    InstallInputCopies.Append(text, profile);
                    Run(text, [uvCache], $"uv sync{locked} --no-dev --no-install-project");
                    CopySources(text, plan);
                    Run(text, [uvCache], $"uv sync{locked} --no-dev --no-editable");
                }
                if (extra.Length > 0)
                {
                    PinArguments(text, plan);
                    Run(text, [uvCache], $"uv pip install --python {PythonImagePlan.VenvPath}/bin/python {extra}");
                }
                break;
            default: // pip-project
                CopySources(text, plan);
                PinArguments(text, plan);
                Run(text, [pipCache], "pip install ." + (extra.Length > 0 ? " " + extra : ""));
                break;
        }

        // before the trim: its compile step byte-compiles the formatter module too
        ServerJsonLogging.BuilderStep(text, plan.Profile, plan.Server);
        VenvTrim.Append(text, plan);
        DjangoStaticFiles.BuilderStep(text, plan);
        if (plan.WritableFolders.Count > 0)
            text.Append("RUN mkdir -p ").Append(string.Join(' ', plan.WritableFolders.Select(w => PythonImagePlan.WritableStaging + "/" + w.Path))).Append('\n');
    }

    private static void Runtime(StringBuilder text, PythonImagePlan plan)
    {
        var profile = plan.Profile;
        var distroless = plan.Runtime == RuntimeFlavor.Distroless;
        text.Append("# ---- runtime: the venv and the app, nothing else ----\n");
        text.Append("FROM ${RUNTIME_IMAGE} AS runtime\n");
        text.Append("ARG RUNTIME_IMAGE\n");
        text.Append("LABEL org.opencontainers.image.title=\"").Append(profile.Name).Append("\" \\\n");
        text.Append("      org.opencontainers.image.description=\"").Append(profile.Framework).Append(" service ").Append(profile.PythonPart().Entrypoint).Append(", generated by berth init\" \\\n");
        text.Append("      org.opencontainers.image.base.name=\"${RUNTIME_IMAGE}\"\n");

        var env = new List<(string, string)>
        {
            ("PYTHONDONTWRITEBYTECODE", "1"),
            ("PYTHONUNBUFFERED", "1"),
            ("VIRTUAL_ENV", PythonImagePlan.VenvPath),
            ("PATH", PythonImagePlan.VenvPath + "/bin:$PATH"),
        };
        if (profile.PythonPart().ImportRoot != ".")
            env.Add(("PYTHONPATH", PythonImagePlan.AppDirectory + "/" + profile.PythonPart().ImportRoot));
        if (profile.Env.Any(e => e.Name == "PORT"))
            env.Add(("PORT", profile.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (DjangoStaticFiles.SettingsModuleEnv(profile) is { } settingsModule)
            env.Add(("DJANGO_SETTINGS_MODULE", settingsModule));
        if (WorkersFromEnvironment(plan) is { } variable)
            env.Add((variable, plan.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (ConfigSelection.ImageEnv(profile) is { } selected)
            env.Add(selected);
        ConfigSelection.RuntimeComment(text, profile);
        Env(text, env);

        if (!distroless)
        {
            if (plan.RuntimePackages.Count > 0)
                AptInstall(text, plan.RuntimePackages);
            text.Append("RUN groupadd --system --gid ").Append(plan.Uid).Append(" app \\\n");
            text.Append(" && useradd --system --uid ").Append(plan.Uid).Append(" --gid app --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app\n");
        }
        text.Append("WORKDIR ").Append(PythonImagePlan.AppDirectory).Append('\n');
        text.Append("COPY --from=builder ").Append(PythonImagePlan.VenvPath).Append(' ').Append(PythonImagePlan.VenvPath).Append('\n');
        ServerJsonLogging.RuntimeStep(text, profile);
        text.Append("# The app's files stay owned by root: the service user can read them, not change them.\n");
        text.Append("COPY ").Append(plan.ServiceInContext == "." ? "." : plan.ServiceInContext + "/").Append(" .\n");
        DjangoStaticFiles.RuntimeStep(text, plan);
        plan.Frontend?.WriteCopy(text, profile);
        if (plan.WritableFolders.Count > 0)
        {
            text.Append("# Folders the app writes (").Append(string.Join("; ", plan.WritableFolders.Select(w => $"{w.Path}: {w.Reason}, {w.Source}")))
                .Append("), owned by the service user; with a read-only root filesystem mount a volume or tmpfs at each.\n");
            text.Append("COPY --from=builder --chown=").Append(plan.Uid).Append(':').Append(plan.Uid).Append(' ').Append(PythonImagePlan.WritableStaging).Append("/ ./\n");
        }
        text.Append("USER ").Append(plan.Uid).Append(':').Append(plan.Uid).Append('\n');
        text.Append("EXPOSE ").Append(profile.Port).Append('\n');
        text.Append("HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \\\n");
        text.Append("    CMD ").Append(ExecForm([plan.Python, "-c", HealthProbe(plan)])).Append('\n');

        var (server, args) = ServerCommand(plan);
        if (distroless)
        {
            text.Append("ENTRYPOINT ").Append(ExecForm([plan.Python, "-m", server])).Append('\n');
            text.Append("CMD ").Append(ExecForm(args)).Append('\n');
        }
        else
        {
            text.Append("CMD ").Append(ExecForm([server, .. args])).Append('\n');
        }
    }

    private static string HealthProbe(PythonImagePlan plan)
    {
        var port = plan.Profile.Port;
        return plan.HealthRoute is { } route
            ? $"import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:{port}{route.Path}', timeout=4).status < 400 else 1)"
            : $"import socket; socket.create_connection(('127.0.0.1', {port}), timeout=4).close()";
    }

    /// <summary>The server module and its arguments: uvicorn for one process, gunicorn with a worker count, timeouts and a tmpfs heartbeat dir.</summary>
    public static (string Server, IReadOnlyList<string> Arguments) ServerCommand(PythonImagePlan plan)
    {
        var profile = plan.Profile;
        var port = profile.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var factory = profile.PythonPart().Entrypoint.EndsWith("()", StringComparison.Ordinal);
        if (plan.Server == "gunicorn")
        {
            var flags = plan.ServerFlags;
            var args = new List<string> { profile.PythonPart().Entrypoint, "--bind", "0.0.0.0:" + port };
            if (WorkersFromEnvironment(plan) is null)
                args.AddRange(["--workers", plan.Workers.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (flags.WorkerClass is { Value: { } workerClass })
                args.AddRange(["--worker-class", workerClass]);
            else if (profile.PythonPart().Interface == "asgi")
                args.AddRange(["--worker-class", "uvicorn.workers.UvicornWorker"]);
            args.AddRange(["--timeout", flags.Timeout?.Value ?? "30", "--graceful-timeout", flags.GracefulTimeout?.Value ?? "10", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"]);
            args.AddRange(flags.Added.SelectMany(f => f.Words));
            args.AddRange(ServerJsonLogging.Arguments(profile));
            return ("gunicorn", args);
        }
        var uvicorn = new List<string>();
        if (factory)
            uvicorn.Add("--factory");
        uvicorn.AddRange([factory ? profile.PythonPart().Entrypoint[..^2] : profile.PythonPart().Entrypoint, "--host", "0.0.0.0", "--port", port]);
        if (profile.PythonPart().Interface == "wsgi")
            uvicorn.AddRange(["--interface", "wsgi"]);
        if (plan.ServerFlags.Workers is { } workers && WorkersFromEnvironment(plan) is null)
            uvicorn.AddRange(workers.Words);
        if (plan.ServerFlags.GracefulTimeout is { } graceful)
            uvicorn.AddRange(graceful.Words);
        uvicorn.AddRange(plan.ServerFlags.Added.SelectMany(f => f.Words));
        uvicorn.AddRange(ServerJsonLogging.Arguments(profile));
        return ("uvicorn", uvicorn);
    }

    /// <summary>The variable the server reads its worker count from, when the repository's count comes from it and init was not given --workers.</summary>
    private static string? WorkersFromEnvironment(PythonImagePlan plan) =>
        plan.ServerFlags.WorkersVariable is { } variable && plan.Workers == plan.ServerFlags.WorkerCount ? variable : null;

    /// <summary>
    /// The ARG lines for the table-pinned servers, right before the RUN that installs them (a changed value re-runs that step only),
    /// with a comment that says where the versions came from.
    /// </summary>
    private static void PinArguments(StringBuilder text, PythonImagePlan plan)
    {
        var pinned = plan.ExtraPackages.Where(p => p.BuildArgument is not null).ToList();
        if (pinned.Count == 0)
            return;
        text.Append("# ").Append(string.Join(" and ", pinned.Select(p => p.Name))).Append(pinned.Count == 1 ? " is" : " are")
            .Append(" not among the project's dependencies: Berth pins a known-good release (its pin table, reviewed ")
            .Append(ServerPackagePins.Reviewed).Append(").\n# Move ").Append(pinned.Count == 1 ? "it" : "them").Append(" with")
            .Append(string.Concat(pinned.Select(p => $" --build-arg {p.BuildArgument}=..."))).Append('\n');
        foreach (var pin in pinned)
            text.Append("ARG ").Append(pin.BuildArgument).Append('=').Append(pin.Version).Append('\n');
    }

    /// <summary>
    /// The project's sources into the builder: the whole context, or, when the context widened to hold a frontend the service
    /// serves, only the folder the service's own build needs (the frontend is built in its own stage).
    /// </summary>
    private static void CopySources(StringBuilder text, PythonImagePlan plan)
    {
        var own = plan.Profile.ServedFrontend is { } frontend ? RelativePath.Under(frontend.OwnBuildContext, plan.Profile.BuildContext) : ".";
        text.Append("COPY ").Append(own == "." ? "." : own + "/").Append(" .\n");
    }

    private static string? InContext(ServiceProfile profile, string? path) =>
        path is null ? null : RelativePath.Under(path, profile.BuildContext);

    private static void Env(StringBuilder text, IReadOnlyList<(string Name, string Value)> variables)
    {
        text.Append("ENV ");
        for (var i = 0; i < variables.Count; i++)
        {
            if (i > 0)
                text.Append(" \\\n    ");
            var value = variables[i].Value;
            text.Append(variables[i].Name).Append('=').Append(value.Contains('$', StringComparison.Ordinal) || value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value);
        }
        text.Append('\n');
    }

    private static void AptInstall(StringBuilder text, IReadOnlyList<string> packages)
    {
        text.Append("RUN apt-get update \\\n");
        text.Append(" && apt-get install -y --no-install-recommends ").Append(string.Join(' ', packages)).Append(" \\\n");
        text.Append(" && rm -rf /var/lib/apt/lists/*\n");
    }

    /// <summary>A RUN with mounts; commands joined with &&, one per line. A command with an embedded "\n " is split into further steps.</summary>
    private static void Run(StringBuilder text, IReadOnlyList<string> mounts, params string[] commands)
    {
        var steps = commands.SelectMany(c => c.Split("\n ", StringSplitOptions.None)).ToList();
        text.Append("RUN");
        foreach (var mount in mounts)
            text.Append(' ').Append(mount).Append(" \\\n   ");
        for (var i = 0; i < steps.Count; i++)
        {
            text.Append(i == 0 ? " " : " \\\n && ").Append(steps[i]);
        }
        text.Append('\n');
    }

    /// <summary>A JSON array as Dockerfile exec form wants it.</summary>
    public static string ExecForm(IReadOnlyList<string> words)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
                text.Append(", ");
            text.Append('"');
            foreach (var c in words[i])
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    default: text.Append(c); break;
                }
            }
            text.Append('"');
        }
        return text.Append(']').ToString();
    }
}
