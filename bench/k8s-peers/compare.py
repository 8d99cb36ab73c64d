#!/usr/bin/env python3
"""bench/k8s-peers/compare.py — Berth's Kubernetes findings against what kube-score, kube-linter and Polaris expect of
their own test fixtures.

The peers' binaries are not run: each peer's own test suite is the reference. Their fixtures become cases
"peer check X fires / does not fire on this input":

  kube-score  score/*_test.go: testExpectedScore(t, "file.yaml", "Check Name", scorecard.GradeX) (and the
              ...WithConfig form when the config is one Berth shares: default replicas 2, optional checks enabled).
              Critical/Warning = fires, AlmostOK/AllOK = silent. The grade is the first graded object's, so one case
              per test = the file.
  kube-linter e2etests/bats-tests.sh: `lint --include CHECK FILE` with the expected "Kind: message" reports, in
              object order. Each report is placed on an object (the one its message names by container or object
              name, else the next object of that kind), so there is one case per object of the file.
  Polaris     test/checks/<check>/success*.yaml (silent) and failure*.yaml (fires): one case per file.

Berth lints each input file on its own (`berth lint --format json FILE`; loose files linted together form one set,
which would let fixtures see each other). A peer check maps to the Berth rules whose Covers name it
(docs/rules/README.md, generated from the rule catalog), narrowed by NARROW below where the peer's failing grade is
about part of what the Berth rules cover (fewer rules, or only findings whose message names that part). Berth "fires" on a case when one of those rules has a finding on the case's
object (kube-linter) or anywhere in the file (kube-score, Polaris).

Usage: compare.py KUBE_SCORE KUBE_LINTER POLARIS   (each a checkout or a bare git dir, e.g. /work/.mirror/zegl+kube-score/repo)
Env:   BERTH    the command that runs Berth (default: bench/k8s-corpus/.work/berth if present, else the Debug berth.dll)
       DETAILS  a file to write every disagreeing case to (TSV)
"""
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))

# Where a peer's failing grade covers part of what its Berth rules flag, the Berth rules (and, when needed, the kind of
# message) that correspond to that failing grade.
NARROW = {
    # kube-score grades a missing livenessProbe AlmostOK (passing) and only a missing readinessProbe as a failure.
    ("kube-score", "pod-probes"): {"BK8101"},
    # One Berth rule per resource says which of request and limit is missing; the peers split them.
    ("polaris", "cpuRequestsMissing"): ({"BK8201"}, r"sets no cpu request"),
    ("polaris", "cpuLimitsMissing"): ({"BK8201"}, r"sets no cpu (request or )?limit"),
    ("polaris", "memoryRequestsMissing"): ({"BK8202"}, r"sets no memory request"),
    ("polaris", "memoryLimitsMissing"): ({"BK8202"}, r"sets no memory (request or )?limit"),
    ("kube-linter", "unset-cpu-requirements"): ({"BK8201"}, r"sets no cpu request"),
    ("kube-linter", "unset-memory-requirements"): ({"BK8202"}, r"sets no memory (request or )?limit"),
}


def narrowed(peer, check, mapping):
    """The Berth rules for a peer check, and the pattern their message must match (None: any)."""
    found = NARROW.get((peer, check), mapping.get(f"{peer}/{check}", set()))
    return found if isinstance(found, tuple) else (found, None)


class Repo:
    """A peer's source: a checkout, or a bare git dir read with git show."""

    def __init__(self, path):
        self.path = path
        self.bare = not os.path.isdir(os.path.join(path, ".git")) and os.path.exists(os.path.join(path, "HEAD"))

    def files(self, prefix):
        if self.bare:
            out = subprocess.run(["git", "--git-dir", self.path, "ls-tree", "-r", "--name-only", "HEAD", prefix],
                                 check=True, capture_output=True, text=True).stdout
            return sorted(out.split())
        base = os.path.join(self.path, prefix)
        found = []
        for d, _, names in os.walk(base):
            found += [os.path.relpath(os.path.join(d, n), self.path) for n in names]
        return sorted(found)

    def read(self, rel):
        if self.bare:
            return subprocess.run(["git", "--git-dir", self.path, "show", "HEAD:" + rel],
                                  check=True, capture_output=True, text=True).stdout
        with open(os.path.join(self.path, rel), encoding="utf-8") as f:
            return f.read()

    def commit(self):
        args = ["git", "--git-dir", self.path] if self.bare else ["git", "-C", self.path]
        return subprocess.run(args + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def berth_mapping():
    """peer/check -> Berth rule ids, from the Covers column of the generated rules table."""
    mapping = defaultdict(set)
    with open(os.path.join(ROOT, "docs", "rules", "README.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\| \[(BK8\d+)\]\([^)]*\) \|.*\| ([^|]*) \|\s*$", line)
            if not m:
                continue
            for cover in m.group(2).split(","):
                cover = cover.strip()
                if "/" in cover:
                    mapping[cover].add(m.group(1))
    return mapping


def themes():
    found = defaultdict(list)
    with open(os.path.join(HERE, "themes.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            peer, check, theme, _ = line.rstrip("\n").split("\t")
            found[(peer, check)].append(theme)
    return found


class Document:
    def __init__(self, index, node, start, end):
        self.index, self.start, self.end = index, start, end
        data = yaml.SafeLoader("").construct_document(node)
        self.data = data if isinstance(data, dict) else {}
        self.kind = self.data.get("kind", "")
        meta = self.data.get("metadata") or {}
        self.name = meta.get("name", "") if isinstance(meta, dict) else ""
        self.containers = set(containers(self.data))
        self.openshift = ".openshift.io/" in str(self.data.get("apiVersion", ""))
        self.values = set(scalars(self.data.get("spec")))


def containers(data):
    spec = data.get("spec") or {}
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("containers", "initContainers", "ephemeralContainers") and isinstance(value, list):
                    for c in value:
                        if isinstance(c, dict) and "name" in c:
                            yield str(c["name"])
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def scalars(node):
    """The string values under a node (names a message may mention: a scaleTargetRef, a selector's labels)."""
    if isinstance(node, dict):
        for value in node.values():
            yield from scalars(value)
    elif isinstance(node, list):
        for value in node:
            yield from scalars(value)
    elif isinstance(node, str) and len(node) >= 3:
        yield node


def documents(text):
    """The file's documents with the 1-based line range each spans (a finding on a line belongs to that document)."""
    docs = []
    try:
        for i, node in enumerate(yaml.compose_all(text, Loader=yaml.SafeLoader)):
            if node is None:
                continue
            docs.append(Document(i, node, node.start_mark.line + 1, node.end_mark.line + 1))
    except yaml.YAMLError:
        return None
    return docs


class Berth:
    def __init__(self, command):
        self.command = command
        self.cache = {}
        self.work = tempfile.mkdtemp(prefix="berth-peers-")

    def lint(self, name, text):
        """Berth's findings on one file: [(rule, line)], or the string 'refused' when Berth rejects the input (exit 2)."""
        key = hashlib.sha256(text.encode()).hexdigest()
        if key in self.cache:
            return self.cache[key]
        folder = os.path.join(self.work, key[:16])
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, os.path.basename(name))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        run = subprocess.run(self.command + ["lint", "--format", "json", path], capture_output=True, text=True)
        if run.returncode == 2 or not run.stdout.strip():
            result = "refused"
        else:
            result = [(f["rule"], f["line"], f["message"]) for f in json.loads(run.stdout)["findings"]]
        self.cache[key] = result
        return result


class Case:
    def __init__(self, peer, check, source, obj, peer_fires, berth_fires, berth_rules):
        self.peer, self.check, self.source, self.obj = peer, check, source, obj
        self.peer_fires, self.berth_fires, self.berth_rules = peer_fires, berth_fires, berth_rules

    @property
    def outcome(self):
        if self.berth_fires == "refused":
            return "refused"
        return {(True, True): "both", (True, False): "only peer", (False, True): "only Berth", (False, False): "neither"}[
            (self.peer_fires, self.berth_fires)]


def fired(findings, rules, doc=None, docs=None):
    """The mapped Berth rules that fired (on doc, when given), or 'refused'."""
    if findings == "refused":
        return "refused"
    rules, pattern = rules
    hits = set()
    for rule, line, message in findings:
        if rule not in rules or (pattern and not re.search(pattern, message)):
            continue
        if doc is not None:
            owner = next((d for d in docs if d.start <= line <= d.end), None)
            if owner is not doc:
                continue
        hits.add(rule)
    return hits


# ---------- kube-score ----------

GRADE_FIRES = {"GradeCritical": True, "GradeWarning": True, "GradeAlmostOK": False, "GradeAllOK": False}
# Run options that keep kube-score where Berth is: its default target version (1.18), optional checks turned on, replica
# thresholds of 2 (the CLI default, and Berth's).
SHARED_CONFIG = re.compile(r"^(KubernetesVersion: config\.Semver\{Major: 1, Minor: 18\},?|EnabledOptionalTests:.*|MinReplicasDeployment:\s*2,?|MinReplicasHPA:\s*2,?|)$")


def kube_score_cases(repo, skipped):
    for rel in repo.files("score"):
        if not rel.endswith("_test.go"):
            continue
        source = repo.read(rel)
        # Calls, with the loop values of an enclosing `for _, v := range []string{...}`.
        for m in re.finditer(r"testExpectedScore(WithConfig)?\(t,((?:(?!\n\}).)*?),\s*(scorecard\.Grade\w+|\d+)\)", source, re.S):
            args, grade = m.group(2), m.group(3).replace("scorecard.", "")
            before = source[:m.start()]
            loop = list(re.finditer(r"for _, (\w+) := range \[\]string\{([^}]*)\}", before))
            func_start = before.rfind("\nfunc ")
            values = {}
            if loop and loop[-1].start() > func_start:
                values[loop[-1].group(1)] = re.findall(r'"([^"]*)"', loop[-1].group(2))
            check_names = re.findall(r'"([^"]*)"', args)
            if not check_names:
                skipped.append(("kube-score", rel, "check name not a literal"))
                continue
            check = slug(check_names[-1])
            if grade not in GRADE_FIRES:
                skipped.append(("kube-score", f"{rel}: {check}", "expects the check skipped (grade 0)"))
                continue
            if m.group(1):
                files = re.findall(r'testFile\("([^"]+)"\)', args)
                config = re.search(r"RunConfiguration\{(.*?)\}", args, re.S)
                lines = [l.strip() for l in (config.group(1).split("\n") if config else [])]
                if not files or not all(SHARED_CONFIG.match(l) for l in lines):
                    skipped.append(("kube-score", f"{rel}: {check}", "needs a run option Berth has no counterpart for"))
                    continue
                names = [files]
            else:
                first = args.strip().split(",")[0].strip()
                if first.startswith('"') and first.endswith('"') and first.count('"') == 2:
                    names = [[first.strip('"')]]
                else:
                    var = next(iter(values), None)
                    if var is None:
                        skipped.append(("kube-score", f"{rel}: {check}", "file name not a literal"))
                        continue
                    names = [["".join(p.strip('"') if p.startswith('"') else v for p in re.split(r"\s*\+\s*", first))]
                             for v in values[var]]
            for files in names:
                yield check, files, GRADE_FIRES[grade]


def compare_kube_score(repo, berth, mapping, skipped):
    for check, files, peer_fires in kube_score_cases(repo, skipped):
        rules = narrowed("kube-score", check, mapping)
        text = "\n---\n".join(repo.read("score/testdata/" + f) for f in files)
        if not rules[0]:
            yield Case("kube-score", check, "+".join(files), "", peer_fires, None, set())
            continue
        hits = fired(berth.lint(files[0], text), rules)
        yield Case("kube-score", check, "+".join(files), "", peer_fires, hits if hits == "refused" else bool(hits), hits)


# ---------- kube-linter ----------

def kube_linter_tests(repo, skipped):
    text = repo.read("e2etests/bats-tests.sh")
    for m in re.finditer(r'@test "([^"]+)" \{(.*?)\n\}', text, re.S):
        name, body = m.group(1), m.group(2)
        file = re.search(r'tmp="([^"]+)"', body)
        include = re.search(r"--include ([\w-]+)", body)
        if not file or not include or "--config" in body:
            skipped.append(("kube-linter", name, "custom configuration or template, not a built-in check"))
            continue
        count = re.search(r'count}" == "(\d+)"', body)
        messages = re.findall(r'^\s*\[\[ "\$\{(?:message\d+|actual_messages\[\d+\])}" == "(.*)" \]\]$', body, re.M)
        messages = [re.sub(r'\\(.)', r"\1", x) for x in messages]
        expected = int(count.group(1)) if count else len(messages)
        if "[ \"$status\" -eq 0 ]" in body:
            expected, messages = 0, []
        yield include.group(1), file.group(1), messages, expected


def place(reports, docs):
    """Each 'Kind: message' (or 'Kind name: message') report on the object it is about; reports come in object order."""
    firing = defaultdict(int)
    at = 0
    for report in reports:
        head, _, message = report.partition(": ")
        kind, _, named = head.partition(" ")
        quoted = set(re.findall(r'"([^"]+)"', message))
        tokens = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9._-]*", message))
        candidates = [d for d in docs if d.kind == kind and d.index >= at]
        if not candidates:
            continue

        # Best first: the object the report's prefix names, the one the message quotes, one whose name or values the message
        # mentions most, one whose container it quotes, one not named "dont-fire" (kube-linter's fixtures name the objects that must
        # stay silent so), one no report was placed on yet; the earliest of the best.
        def rank(d):
            return (1000 * (d.name == named) + 500 * (d.name in quoted) + 8 * ((d.name in tokens) + len(d.values & tokens))
                    + 4 * bool(d.containers & quoted) + 2 * ("dont-fire" not in d.name) + (d.index not in firing))
        best = max(rank(d) for d in candidates)
        chosen = next(d for d in candidates if rank(d) == best)
        firing[chosen.index] += 1
        at = chosen.index
    return firing


def compare_kube_linter(repo, berth, mapping, skipped):
    for check, file, messages, expected in kube_linter_tests(repo, skipped):
        text = repo.read(file)
        docs = documents(text)
        if docs is None:
            skipped.append(("kube-linter", check, f"{file} is not YAML"))
            continue
        if len(messages) != expected:
            skipped.append(("kube-linter", check, f"{file}: {expected} reports expected but {len(messages)} messages listed"))
            continue
        firing = place(messages, docs)
        rules = narrowed("kube-linter", check, mapping)
        findings = berth.lint(file, text) if rules[0] else []
        for doc in docs:
            obj = f"{doc.kind}/{doc.name}#{doc.index + 1}"
            if doc.openshift:
                skipped.append(("kube-linter", f"{file}: {obj}", "OpenShift object (Berth lints built-in and Gateway API kinds only)"))
                continue
            if not rules[0]:
                yield Case("kube-linter", check, file, obj, doc.index in firing, None, set())
                continue
            hits = fired(findings, rules, doc, docs)
            yield Case("kube-linter", check, file, obj, doc.index in firing, hits if hits == "refused" else bool(hits), hits)


# ---------- Polaris ----------

def compare_polaris(repo, berth, mapping, skipped):
    for rel in repo.files("test/checks"):
        parts = rel.split("/")
        if len(parts) != 4 or not re.match(r"(success|failure).*\.ya?ml$", parts[3]):
            continue
        check, peer_fires = parts[2], parts[3].startswith("failure")
        rules = narrowed("polaris", check, mapping)
        if not rules[0]:
            yield Case("polaris", check, rel, "", peer_fires, None, set())
            continue
        hits = fired(berth.lint(parts[3], repo.read(rel)), rules)
        yield Case("polaris", check, rel, "", peer_fires, hits if hits == "refused" else bool(hits), hits)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    default = os.path.join(ROOT, "bench", "k8s-corpus", ".work", "berth")
    command = shlex.split(os.environ["BERTH"]) if os.environ.get("BERTH") else (
        [default] if os.path.exists(default) else ["dotnet", os.path.join(ROOT, "src/Berth.Cli/bin/Debug/net10.0/berth.dll")])
    berth, mapping, theme_of, skipped = Berth(command), berth_mapping(), themes(), []
    ks, kl, po = (Repo(p) for p in sys.argv[1:])
    cases = list(compare_kube_score(ks, berth, mapping, skipped)) + list(compare_kube_linter(kl, berth, mapping, skipped)) + \
        list(compare_polaris(po, berth, mapping, skipped))

    print(f"Peers: kube-score {ks.commit()}, kube-linter {kl.commit()}, Polaris {po.commit()}; "
          f"{len(berth.cache)} distinct inputs linted by Berth.\n")
    rows = defaultdict(lambda: defaultdict(int))
    for case in cases:
        rows[(case.peer, case.check)][case.outcome if case.berth_fires is not None else "unmapped"] += 1
    order = {}
    for (peer, check), ts in theme_of.items():
        order.setdefault((peer, check), ts)
    print("| theme | peer check | Berth rules | cases | both fire | only peer | only Berth | both silent |")
    print("|---|---|---|---|---|---|---|---|")
    mapped = [k for k in rows if "unmapped" not in rows[k]]
    for key in sorted(mapped, key=lambda k: (order.get(k, ["~"])[0], k)):
        r = rows[key]
        peer, check = key
        rules, pattern = narrowed(peer, check, mapping)
        total = sum(r.values())
        refused = f" ({r['refused']} refused)" if r["refused"] else ""
        print(f"| {', '.join(order.get(key, ['—']))} | {peer} `{check}` | {', '.join(sorted(rules))}{' (message: ' + pattern.replace('|', '&#124;') + ')' if pattern else ''} | {total}{refused} | "
              f"{r['both']} | {r['only peer']} | {r['only Berth']} | {r['neither']} |")
    totals = defaultdict(int)
    for key in mapped:
        for k, v in rows[key].items():
            totals[k] += v
    print(f"| **all** | {len(mapped)} peer checks | | {sum(totals.values())} | {totals['both']} | {totals['only peer']} | "
          f"{totals['only Berth']} | {totals['neither']} |")
    unmapped = sorted(k for k in rows if "unmapped" in rows[k])
    print(f"\nPeer checks with fixtures and no Berth rule ({len(unmapped)}): " +
          ", ".join(f"{p} `{c}` ({rows[(p, c)]['unmapped']})" for p, c in unmapped) + ".")
    if skipped:
        print(f"\nPeer tests not converted ({len(skipped)}):")
        reasons = defaultdict(list)
        for peer, what, why in skipped:
            reasons[(peer, why)].append(what)
        for (peer, why), whats in sorted(reasons.items()):
            print(f"- {peer}, {why}: {len(whats)} ({'; '.join(whats[:6])}{'…' if len(whats) > 6 else ''})")
    if os.environ.get("DETAILS"):
        with open(os.environ["DETAILS"], "w", encoding="utf-8") as f:
            f.write("peer\tcheck\toutcome\tsource\tobject\tBerth rules fired\n")
            for c in cases:
                if c.berth_fires is not None and c.outcome not in ("both", "neither"):
                    hits = "" if c.berth_rules == "refused" else ",".join(sorted(c.berth_rules))
                    f.write(f"{c.peer}\t{c.check}\t{c.outcome}\t{c.source}\t{c.obj}\t{hits}\n")


if __name__ == "__main__":
    main()
