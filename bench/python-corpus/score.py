#!/usr/bin/env python3
"""Scores `berth scan` and `berth init` per field against the facts in corpus.json, and samples `berth lint` findings.

The repositories are never committed: check each one out at the listed commit into CORPUS/<owner>+<name>
(see bench/README.md), then

    python3 bench/python-corpus/score.py CORPUS [HELDOUT ...] [--berth "dotnet src/Berth.Cli/bin/Debug/net10.0/berth.dll"] [--detail] [--lint-sample N]

A field is scored only where the facts state it (null = the repository states nothing to compare with).
Each repository is looked for in the first folder given that holds it. Scores are printed for all repositories and
per set ("corpus", the repositories Berth was fixed against, and "held-out", never seen while fixing).
"""
import argparse, hashlib, json, os, re, shlex, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(berth, args, cwd=None):
    p = subprocess.run(shlex.split(berth) + args, capture_output=True, text=True, cwd=cwd, timeout=300)
    return p.returncode, p.stdout, p.stderr


def folder(corpus, repo):
    roots = corpus if isinstance(corpus, list) else [corpus]
    candidates = [os.path.join(root, repo.replace("/", "+")) for root in roots]
    return next((c for c in candidates if os.path.isdir(c)), candidates[0])


SETS = ("corpus", "held-out")


def set_of(fact):
    return fact.get("set", "corpus")


class Tally:
    def __init__(self):
        self.fields = {}

    def add(self, field, score, weight=1.0):
        total, count = self.fields.get(field, (0.0, 0.0))
        self.fields[field] = (total + score * weight, count + weight)

    def table(self):
        return {f: (t / c if c else None, int(c)) for f, (t, c) in sorted(self.fields.items())}


class Both:
    """Adds each score to the overall tally and to its set's."""

    def __init__(self, *tallies):
        self.tallies = tallies

    def add(self, field, score, weight=1.0):
        for t in self.tallies:
            t.add(field, score, weight)


def percent(score):
    return "-" if score is None else f"{score:.0%}"


def names(env, predicate):
    return {e["name"] for e in env if predicate(e)}


def score_scan(fact, service, tally, notes):
    tally.add("scan.found", 1.0 if service else 0.0)
    if service is None:
        for field in ("entrypoint", "port", "health", "python", "migrations"):
            if fact.get(field) is not None:
                tally.add("scan." + field, 0.0)
        return
    py = service.get("python") or {}
    entry = service.get("entrypoint") or py.get("entrypoint")
    tally.add("scan.entrypoint", 1.0 if entry == fact["entrypoint"] else 0.0)
    if entry != fact["entrypoint"]:
        notes.append(f"entrypoint {entry} != {fact['entrypoint']}")
    if fact["port"] is not None:
        ok = service["port"] == fact["port"]
        tally.add("scan.port", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"port {service['port']} != {fact['port']}")
    if fact["health"] is not None:
        got = sorted(h["path"] for h in service.get("health", []))
        ok = got == sorted(fact["health"])
        tally.add("scan.health", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"health {got} != {sorted(fact['health'])}")
    if fact["python"] is not None:
        got = service["runtime"]["version"]
        tally.add("scan.python", 1.0 if got == fact["python"] else 0.0)
        if got != fact["python"]:
            notes.append(f"python {got} != {fact['python']}")
    env = service.get("env", [])
    for name in fact["required"]:
        ok = name in names(env, lambda e: e["required"])
        tally.add("scan.env.required", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"required {name} not reported required")
    reported = {e["name"]: e for e in env}
    for name in fact["secret"]:
        ok = name in reported and reported[name]["secret"]
        tally.add("scan.env.secret", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"secret {name} not flagged" + ("" if name in reported else " (not read)"))
    for name in fact["notSecret"]:
        if name in reported:
            ok = not reported[name]["secret"]
            tally.add("scan.env.notSecret", 1.0 if ok else 0.0)
            if not ok:
                notes.append(f"{name} flagged secret")
    writable = [w["path"].rstrip("/") for w in service.get("writablePaths", [])]
    for path in fact["writable"]:
        ok = any(w == path or w.endswith("/" + path) for w in writable)
        tally.add("scan.writable", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"writable {path} missing")
    stated = service.get("migrations") or py.get("migrations")
    migrations = stated.get("tool") if isinstance(stated, dict) else stated
    if fact["migrations"] is not None:
        ok = migrations == fact["migrations"]
        tally.add("scan.migrations", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"migrations {migrations} != {fact['migrations']}")
    elif migrations is not None:
        tally.add("scan.migrations", 0.0)
        notes.append(f"migrations {migrations} reported, the repository runs none")


def dockerfile_instructions(text):
    joined = re.sub(r"\\\n", " ", text)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def score_init(fact, dockerfile, tally, notes):
    if dockerfile is None:
        for field in ("entrypoint", "port", "health", "python"):
            tally.add("init." + field, 0.0)
        return
    lines = dockerfile_instructions(dockerfile)
    cmd = next((l for l in reversed(lines) if l.startswith("CMD") or l.startswith("ENTRYPOINT")), "")
    ok = fact["entrypoint"] in cmd
    tally.add("init.entrypoint", 1.0 if ok else 0.0)
    if not ok:
        notes.append("init CMD lacks " + fact["entrypoint"])
    if fact["port"] is not None:
        # the port the image listens on: the stated one, or stated + 8000 below 1024 (a non-root server cannot bind a
        # privileged port under Kubernetes' restricted profile; Berth moves it on purpose, see src/Berth/Generation/UnprivilegedPort.cs)
        listen = fact["port"] + 8000 if fact["port"] < 1024 else fact["port"]
        expose = [l for l in lines if l.startswith("EXPOSE")]
        ok = any(re.search(rf"\b{listen}\b", l) for l in expose)
        tally.add("init.port", 1.0 if ok else 0.0)
        if not ok:
            notes.append(f"init EXPOSE {expose} lacks {listen}")
    if fact["health"] is not None:
        hc = next((l for l in lines if l.startswith("HEALTHCHECK")), "")
        ok = (not fact["health"] and ("NONE" in hc or "socket" in hc or hc == "")) or any(h in hc for h in fact["health"])
        tally.add("init.health", 1.0 if ok else 0.0)
        if not ok:
            notes.append("init HEALTHCHECK does not probe " + (", ".join(fact["health"]) or "a TCP port"))
    if fact["python"] is not None:
        m = re.search(r"PYTHON_VERSION=(\d+\.\d+)", dockerfile)
        got = m.group(1) if m else None
        tally.add("init.python", 1.0 if got == fact["python"] else 0.0)
    migrations_cmd = bool(re.search(r"(alembic .*upgrade|migrate|db upgrade)", dockerfile))
    if fact["migrations"] is not None:
        # the migration step must be stated (a one-shot command in the plan/header), never chained into CMD
        chained = bool(re.search(r"(alembic|migrate|db upgrade)", cmd))
        ok = migrations_cmd and not chained
        tally.add("init.migrations", 1.0 if ok else 0.0)
        if not ok:
            notes.append("init does not state the migration step" if not migrations_cmd else "init chains migrations into CMD")


def lint_sample(berth, corpus, repos, size):
    findings = []
    for fact in repos:
        root = folder(corpus, fact["repo"])
        code, out, err = run(berth, ["lint", root, "--format", "json", "--fail-on", "error"])
        if not out.strip():
            continue
        for f in json.loads(out).get("findings", []):
            f["repo"] = fact["repo"]
            findings.append(f)
    findings.sort(key=lambda f: hashlib.sha256(f"{f['repo']}|{f['file']}|{f['line']}|{f['rule']}".encode()).hexdigest())
    return len(findings), findings[:size]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="+", help="folders holding the checked-out repositories (owner+name)")
    parser.add_argument("--berth", default="dotnet src/Berth.Cli/bin/Debug/net10.0/berth.dll")
    parser.add_argument("--detail", action="store_true")
    parser.add_argument("--lint-sample", type=int, default=0)
    parser.add_argument("--set", choices=SETS, help="score only this set")
    args = parser.parse_args()
    facts = json.load(open(os.path.join(HERE, "corpus.json")))["repos"]
    if args.set:
        facts = [f for f in facts if set_of(f) == args.set]
    tally = Tally()
    tallies = {name: Tally() for name in SETS}
    for fact in facts:
        root = folder(args.corpus, fact["repo"])
        notes = []
        if not os.path.isdir(root):
            print(f"{fact['repo']}: not checked out at {root}", file=sys.stderr)
            continue
        code, out, err = run(args.berth, ["scan", root, "--format", "json"])
        services = json.loads(out)["services"] if code == 0 else []
        service = next((s for s in services if s["path"] == fact["service"]), None)
        if code != 0:
            notes.append("scan exit %d: %s" % (code, err.strip()[:200]))
        score_scan(fact, service, Both(tally, tallies[set_of(fact)]), notes)
        with tempfile.TemporaryDirectory() as out_dir:
            code, _, err = run(args.berth, ["init", root, "--out", out_dir])
            path = os.path.join(out_dir, fact["service"], "Dockerfile") if fact["service"] != "." else os.path.join(out_dir, "Dockerfile")
            dockerfile = open(path).read() if code in (0, 1) and os.path.exists(path) else None
            if dockerfile is None:
                notes.append("init wrote no Dockerfile: " + err.strip()[:200])
            score_init(fact, dockerfile, Both(tally, tallies[set_of(fact)]), notes)
        if args.detail:
            print(f"{fact['repo']}{' (held-out)' if set_of(fact) == 'held-out' else ''}: " + ("; ".join(notes) if notes else "all scored fields right"))
    per_set = {name: t.table() for name, t in tallies.items()}
    print("\n| field | score | cases | " + " | ".join(f"{name} | cases" for name in SETS) + " |")
    print("|---|---|---|" + "---|---|" * len(SETS))
    for field, (score, count) in tally.table().items():
        cells = [per_set[name].get(field, (None, 0)) for name in SETS]
        print(f"| {field} | {percent(score)} | {count} | " + " | ".join(f"{percent(s)} | {c}" for s, c in cells) + " |")
    if args.lint_sample:
        total, sample = lint_sample(args.berth, args.corpus, facts, args.lint_sample)
        print(f"\nlint: {total} findings on the repositories' own Dockerfiles; sample of {len(sample)}:")
        for f in sample:
            print(f"  {f['repo']} {os.path.relpath(f['file'], folder(args.corpus, f['repo'])) if os.path.isabs(f['file']) else f['file']}:{f['line']} {f['rule']} {f['severity']}: {f['message'][:160]}")


if __name__ == "__main__":
    main()
