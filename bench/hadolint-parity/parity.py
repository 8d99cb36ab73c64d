#!/usr/bin/env python3
"""Parity of `berth lint` with hadolint's own rule tests.

Reads every test/Hadolint/Rule/DL*Spec.hs of a local hadolint checkout, takes out the cases
(ruleCatches / ruleCatchesNot / onBuildRuleCatches / onBuildRuleCatchesNot, and
assertChecks ... (failsWith N "DLxxxx")), writes each case as a Dockerfile (with `FROM debian:12`
in front when it has none; ONBUILD cases get `ONBUILD ` in front of each RUN, as hadolint's test
helper does), runs Berth once per hadolint configuration over all of them, maps each DL rule to the
Berth rules that declare they cover it (the `Covers` list of each rule's RuleInfo, the same table
the hadolint pragmas are mapped with), and prints agreement per DL rule.

Usage: parity.py HADOLINT_CHECKOUT [--berth CMD] [--work DIR] [--markdown] [--cases]
  --berth  how to run berth, e.g. "dotnet /abs/path/berth.dll" (it runs in the scratch folder;
           default: dotnet run --project REPO/src/Berth.Cli --no-build --)
"""
import argparse
import collections
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

CALLS = {"ruleCatches": ("plain", True), "ruleCatchesNot": ("plain", False),
         "onBuildRuleCatches": ("onbuild", True), "onBuildRuleCatchesNot": ("onbuild", False)}
ASSERTS = {"assertChecks": "plain", "assertOnBuildChecks": "onbuild"}

# ---------------------------------------------------------------- Haskell tokens

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v", "0": "\0"}


def read_string(src, i):
    """src[i] is the opening quote; returns (value, index after the closing quote)."""
    out = []
    i += 1
    while True:
        c = src[i]
        if c == '"':
            return "".join(out), i + 1
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = src[i + 1]
        if n == "&":  # empty escape
            i += 2
        elif n.isspace():  # string gap: backslash, white space, backslash
            j = i + 1
            while src[j].isspace():
                j += 1
            assert src[j] == "\\", f"bad string gap at {i}"
            i = j + 1
        elif n.isdigit():
            m = re.match(r"\d+", src[i + 1:])
            out.append(chr(int(m.group(0))))
            i += 1 + len(m.group(0))
        elif n == "x":
            m = re.match(r"[0-9a-fA-F]+", src[i + 2:])
            out.append(chr(int(m.group(0), 16)))
            i += 2 + len(m.group(0))
        elif n in ESCAPES:
            out.append(ESCAPES[n])
            i += 2
        else:
            raise ValueError(f"unknown escape \\{n}")


def tokens(src):
    """(kind, value, line) with kind in str, id, num, sym; comments dropped."""
    out, i, line = [], 0, 1
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif src.startswith("--", i) and not re.match(r"--[!#$%&*+./<=>?@\\^|~:]", src[i:]):
            while i < len(src) and src[i] != "\n":
                i += 1
        elif src.startswith("{-", i):
            j = src.index("-}", i)
            line += src.count("\n", i, j)
            i = j + 2
        elif c == '"':
            value, j = read_string(src, i)
            out.append(("str", value, line))
            line += src.count("\n", i, j)
            i = j
        elif c == "'" and re.match(r"'(\\.|[^\\])'", src[i:]):
            m = re.match(r"'(\\.|[^\\])'", src[i:])
            out.append(("str", m.group(1), line))
            i += len(m.group(0))
        elif c.isalpha() or c in "_?":
            m = re.match(r"\??[A-Za-z_][A-Za-z0-9_']*(\.[A-Za-z_][A-Za-z0-9_']*)*", src[i:])
            out.append(("id", m.group(0), line))
            i += len(m.group(0))
        elif c.isdigit():
            m = re.match(r"\d+", src[i:])
            out.append(("num", int(m.group(0)), line))
            i += len(m.group(0))
        else:
            m = re.match(r"<>|\+\+|[^\sA-Za-z0-9\"]", src[i:])
            out.append(("sym", m.group(0), line))
            i += len(m.group(0))
    return out


# ---------------------------------------------------------------- expressions

class Unreadable(Exception):
    pass


def expr(toks, i, env):
    """A string-valued expression: literal, [list], (e), unlines/Text.unlines e, name, e <> e."""
    value, i = atom(toks, i, env)
    while i < len(toks) and toks[i][:2] in (("sym", "<>"), ("sym", "++")):
        rhs, i = atom(toks, i + 1, env)
        if isinstance(value, list) != isinstance(rhs, list):
            raise Unreadable("mixed concatenation")
        value = value + rhs
    return value, i


def atom(toks, i, env):
    kind, value, _ = toks[i]
    if kind == "sym" and value == "$":
        return expr(toks, i + 1, env)
    if kind == "str":
        return value, i + 1
    if kind == "sym" and value == "(":
        inner, i = expr(toks, i + 1, env)
        if toks[i][1] != ")":
            raise Unreadable("expected )")
        return inner, i + 1
    if kind == "sym" and value == "[":
        items, i = [], i + 1
        if toks[i][1] == "]":
            return items, i + 1
        while True:
            item, i = expr(toks, i, env)
            items.append(item)
            if toks[i][1] == "]":
                return items, i + 1
            if toks[i][1] != ",":
                raise Unreadable("expected , in list")
            i += 1
    if kind == "id" and value in ("Text.unlines", "unlines"):
        arg, i = expr(toks, i + 1, env)
        if not isinstance(arg, list):
            raise Unreadable("unlines of a non-list")
        return "".join(line + "\n" for line in arg), i
    if kind == "id" and value in ("Text.pack", "pack", "Text.concat", "concat", "mconcat"):
        arg, i = expr(toks, i + 1, env)
        return ("".join(arg) if isinstance(arg, list) else arg), i
    if kind == "id" and value in env:
        return env[value], i + 1
    raise Unreadable(f"cannot read {kind} {value!r}")


# ---------------------------------------------------------------- configuration

SCHEMA_TYPES = {"RawText": "text", "Url": "url", "Rfc3339": "rfc3339", "Spdx": "spdx",
                "GitHash": "hash", "SemVer": "semver", "Email": "email"}


def read_config(toks, i):
    """toks[i] is `def`; returns (hadolint yaml text or '', index after)."""
    i += 1
    if i >= len(toks) or toks[i][1] != "{":
        return "", i
    depth, j = 0, i
    while True:
        if toks[j][1] == "{":
            depth += 1
        elif toks[j][1] == "}":
            depth -= 1
            if depth == 0:
                break
        j += 1
    body = toks[i + 1:j]
    yaml = []
    for k, (kind, value, _) in enumerate(body):
        if kind != "id" or k + 1 >= len(body) or body[k + 1][1] != "=":
            continue
        if value == "allowedRegistries":
            names, m = [], k + 3
            while body[m][1] != "]":
                if body[m][0] == "str":
                    names.append(body[m][1])
                m += 1
            yaml.append("trustedRegistries:\n" + "".join(f"  - {json.dumps(n)}\n" for n in names))
        elif value == "labelSchema":
            pairs, m = [], k + 2
            while m < len(body) and not (body[m][0] == "id" and m + 1 < len(body) and body[m + 1][1] == "="):
                if body[m][0] == "str":
                    pairs.append((body[m][1], SCHEMA_TYPES[body[m + 2][1].split(".")[-1]]))
                m += 1
            yaml.append("label-schema:\n" + "".join(f"  {json.dumps(n)}: {t}\n" for n, t in pairs))
        elif value == "strictLabels":
            yaml.append(f"strict-labels: {body[k + 2][1].lower()}\n")
        else:
            raise Unreadable(f"configuration field {value}")
    return "".join(yaml), j + 1


# ---------------------------------------------------------------- cases

Case = collections.namedtuple("Case", "rule kind must_fire text config source line")


def cases_of(path):
    src = open(path, encoding="utf-8").read()
    toks = tokens(src)
    name = os.path.basename(path)
    env, top_config, config, skipped = {}, "", "", []
    out = []
    i = 0
    while i < len(toks):
        kind, value, line = toks[i]
        try:
            if kind == "id" and value == "it" and i + 1 < len(toks) and toks[i + 1][0] == "str":
                config, env = top_config, {}
                i += 2
                continue
            if kind == "id" and value == "?config" and toks[i + 1][1] == "=" and toks[i + 2][1] == "def":
                text, i = read_config(toks, i + 2)
                if toks[i - 1][2] <= 20 and not out:  # bound at the top of the spec: every test
                    top_config = text
                config = text
                continue
            if (kind == "id" and value[0].islower() and value not in CALLS and value not in ASSERTS
                    and i + 1 < len(toks) and toks[i + 1][:2] == ("sym", "=") and i > 0
                    and (toks[i - 1][1] == "let" or toks[i - 1][2] < line or toks[i - 1][1] in ("in", "do"))):
                try:
                    env[value], j = expr(toks, i + 2, env)
                    i = j
                    continue
                except (Unreadable, IndexError):
                    pass
            if kind == "id" and value in CALLS and toks[i + 1][0] == "str":
                which, fire = CALLS[value]
                code = toks[i + 1][1]
                if not re.fullmatch(r"DL\d{4}", code):
                    raise Unreadable(f"rule code {code!r} (arguments swapped in the spec)")
                text, i = expr(toks, i + 2, env)
                if isinstance(text, list):
                    raise Unreadable("case is a list")
                out.append(Case(code, which, fire, text, config, name, line))
                continue
            if kind == "id" and value in ASSERTS:
                text, j = expr(toks, i + 1, env)
                # ( failsWith N "DLxxxx" ) or ( failsWithSome "DLxxxx" )
                k = j + 1 if toks[j][1] == "(" else j
                if toks[k][1] == "failsWith" and toks[k + 1][0] == "num" and toks[k + 2][0] == "str":
                    out.append(Case(toks[k + 2][1], ASSERTS[value], toks[k + 1][1] > 0, text, config, name, line))
                    i = k + 3
                    continue
                skipped.append((name, line, "assertion other than failsWith"))
        except (Unreadable, IndexError) as error:
            skipped.append((name, line, str(error)))
        i += 1
    return out, skipped


def added_from(case):
    return not re.search(r"^\s*FROM\b", case.text, re.I | re.M)


def dockerfile_of(case):
    text = case.text
    if case.kind == "onbuild":
        # hadolint's helper wraps every RUN instruction in ONBUILD (continuation lines stay as they are)
        lines, out, continued = text.split("\n"), [], False
        for l in lines:
            if not continued and re.match(r"\s*RUN\b", l, re.I):
                l = re.sub(r"^(\s*)", r"\1ONBUILD ", l, count=1)
            out.append(l)
            continued = l.rstrip().endswith("\\")
        text = "\n".join(out)
    if added_from(case):
        text = "FROM debian:12\n" + text
    return text if text.endswith("\n") else text + "\n"


# ---------------------------------------------------------------- Berth

def covers(repo):
    """DL code -> Berth rule IDs, from each rule's RuleInfo (`new("BDF208", ..., ["DL3013"])`)."""
    table = collections.defaultdict(set)
    pattern = re.compile(r'new\(\s*"(B[A-Z0-9]+)",\s*"[^"]*",\s*Severity\.\w+,\s*(?:"(?:[^"\\]|\\.)*"\s*\+?\s*)+,\s*\[([^\]]*)\]', re.S)
    for root, _, files in os.walk(os.path.join(repo, "src", "Berth", "Linting", "Rules")):
        for f in files:
            if f.endswith(".cs"):
                for rule, ids in pattern.findall(open(os.path.join(root, f), encoding="utf-8").read()):
                    for dl in re.findall(r'"(DL\d{4})"', ids):
                        table[dl].add(rule)
    return table


def run_berth(berth, work, cases):
    """Writes the cases, one folder per configuration, lints each folder once; returns {case index: set(rule IDs)}."""
    shutil.rmtree(work, ignore_errors=True)
    groups = collections.defaultdict(list)
    for n, case in enumerate(cases):
        groups[case.config].append(n)
    fired = {}
    for g, (config, members) in enumerate(sorted(groups.items())):
        folder = os.path.join(work, f"config{g}")
        os.makedirs(folder)
        files = {}
        for n in members:
            path = os.path.join(folder, f"case{n:04d}.Dockerfile")
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(dockerfile_of(cases[n]))
            files[os.path.abspath(path)] = n
            fired[n] = set()
        args = shlex.split(berth) + ["lint", "--format", "json", "--fail-on", "error"]
        if config:
            config_path = os.path.join(work, f"config{g}.hadolint.yaml")
            with open(config_path, "w", encoding="utf-8") as f:
                f.write(config)
            args += ["--config", os.path.abspath(config_path)]
        result = subprocess.run(args + sorted(files), capture_output=True, text=True, cwd=work)
        if result.returncode not in (0, 1) or not result.stdout.startswith("{"):
            sys.exit(f"berth exited {result.returncode}: {result.stderr.strip()[:2000]}")
        for finding in json.loads(result.stdout)["findings"]:
            n = files.get(os.path.abspath(os.path.join(work, finding["file"])))
            # the FROM line the harness added is not part of the case: a finding about that image (an untrusted registry) is not the case's
            if n is not None and not (added_from(cases[n]) and finding["line"] == 1):
                fired[n].add(finding["rule"])
    return fired


# ---------------------------------------------------------------- report

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("hadolint")
    parser.add_argument("--berth", help="command that runs berth, run in a scratch folder (default: dotnet run --project REPO/src/Berth.Cli --no-build --)")
    parser.add_argument("--work", default="/tmp/berth-hadolint-parity")
    parser.add_argument("--markdown", action="store_true", help="print the per-rule table as Markdown")
    parser.add_argument("--cases", action="store_true", help="print every disagreeing case")
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    berth = args.berth or f"dotnet run --project {os.path.join(repo, 'src', 'Berth.Cli')} --no-build --"
    spec_dir = os.path.join(args.hadolint, "test", "Hadolint", "Rule")
    cases, skipped = [], []
    for f in sorted(os.listdir(spec_dir)):
        if re.match(r"DL\d{4}Spec\.hs$", f):
            c, s = cases_of(os.path.join(spec_dir, f))
            cases += c
            skipped += s
    table = covers(repo)
    fired = run_berth(berth, args.work, cases)

    # per rule: [plain fire hit, plain fire total, plain not quiet, plain not total, onbuild ...]
    rows = collections.OrderedDict()
    disagreements = []
    uncovered = collections.Counter()
    for n, case in enumerate(cases):
        rules = table.get(case.rule)
        if not rules:
            uncovered[case.rule] += 1
            continue
        row = rows.setdefault(case.rule, [0] * 8)
        base = 0 if case.kind == "plain" else 4
        hit = bool(fired[n] & rules)
        if case.must_fire:
            row[base + 1] += 1
            row[base] += hit
        else:
            row[base + 3] += 1
            row[base + 2] += not hit
        if hit != case.must_fire:
            disagreements.append((case, n, sorted(fired[n] & rules)))

    def cell(a, b):
        return f"{a}/{b}" if b else "–"

    totals = [sum(r[k] for r in rows.values()) for k in range(8)]
    if args.markdown:
        print("| DL | Berth | must fire | must not | ONBUILD must fire | ONBUILD must not |")
        print("|---|---|---|---|---|---|")
        for dl, r in sorted(rows.items()):
            print(f"| {dl} | {', '.join(sorted(table[dl]))} | {cell(r[0], r[1])} | {cell(r[2], r[3])} | {cell(r[4], r[5])} | {cell(r[6], r[7])} |")
        print(f"| **all** | | **{cell(totals[0], totals[1])}** | **{cell(totals[2], totals[3])}** | **{cell(totals[4], totals[5])}** | **{cell(totals[6], totals[7])}** |")
    else:
        print(f"{'DL':7} {'Berth':22} {'fire':>7} {'not':>7} {'ob fire':>7} {'ob not':>7}")
        for dl, r in sorted(rows.items()):
            print(f"{dl:7} {','.join(sorted(table[dl]))[:22]:22} {cell(r[0], r[1]):>7} {cell(r[2], r[3]):>7} {cell(r[4], r[5]):>7} {cell(r[6], r[7]):>7}")

    def pct(a, b):
        return f"{100 * a / b:.0f}%" if b else "–"
    print()
    print(f"cases read: {len(cases)} from {len(set(c.source for c in cases))} spec files; not read: {len(skipped)}")
    print(f"DL rules Berth does not cover: {', '.join(f'{k} ({v} cases)' for k, v in sorted(uncovered.items())) or 'none'}")
    print(f"plain   must fire {totals[0]}/{totals[1]} ({pct(totals[0], totals[1])}), must not {totals[2]}/{totals[3]} ({pct(totals[2], totals[3])})")
    print(f"ONBUILD must fire {totals[4]}/{totals[5]} ({pct(totals[4], totals[5])}), must not {totals[6]}/{totals[7]} ({pct(totals[6], totals[7])})")
    for name, line, why in skipped:
        print(f"not read: {name}:{line}: {why}")
    if args.cases:
        print()
        for case, n, hit in disagreements:
            what = "MISSED" if case.must_fire else f"FALSE ({','.join(hit)})"
            print(f"{case.rule} {case.kind:7} {what:12} {case.source}:{case.line} case{n:04d}: {dockerfile_of(case)!r}")


if __name__ == "__main__":
    main()
