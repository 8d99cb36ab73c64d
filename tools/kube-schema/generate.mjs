#!/usr/bin/env node
// Writes src/Berth/Kubernetes/Schema/kube-fields.txt, the field table behind BK8005/BK8006/BK8007, from the type
// declarations (.d.ts) of the npm packages kubernetes-models, @kubernetes-models/apimachinery and
// @kubernetes-models/gateway-api. Those declarations are generated from the Kubernetes OpenAPI definitions and the
// Gateway API CRDs, one class per definition, one property per field, so they give every field of every shape with
// its type. Usage:
//
//   node tools/kube-schema/generate.mjs            # packs the pinned versions with npm into a temp folder
//   node tools/kube-schema/generate.mjs DIR...     # reads already unpacked packages (each DIR holds package.json)
//
// The output format (read by Berth.Kubernetes.KubeSchema):
//   # comment
//   =apiVersion Kind Shape            a kind and the shape of its objects
//   Shape field:type field:type ...   a shape (an object definition) and its fields
// where a type is  s (string)  n (number)  b (boolean)  i (int-or-string)  q (quantity: number or string)
// * (anything: free-form or embedded JSON)  [T (list of T)  {T (map of string to T)  or another Shape's name.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES = ["kubernetes-models@5.1.0", "@kubernetes-models/apimachinery@3.0.2", "@kubernetes-models/gateway-api@2.0.0"];
const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, "..", "..", "src", "Berth", "Kubernetes", "Schema", "kube-fields.txt");

function unpackedPackages() {
  if (process.argv.length > 2) return process.argv.slice(2);
  const dir = mkdtempSync(join(tmpdir(), "kube-schema-"));
  const roots = [];
  for (const spec of PACKAGES) {
    const tarball = execFileSync("npm", ["pack", spec, "--silent"], { cwd: dir, encoding: "utf8" }).trim().split("\n").pop();
    const into = join(dir, tarball.replace(/\.tgz$/, ""));
    execFileSync("mkdir", ["-p", into]);
    execFileSync("tar", ["xzf", join(dir, tarball), "-C", into]);
    roots.push(join(into, "package"));
  }
  return roots;
}

function declarationFiles(root) {
  const files = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) {
      if (name !== "_schemas" && name !== "node_modules") files.push(...declarationFiles(path));
    } else if (name.endsWith(".d.ts") && name !== "index.d.ts") {
      files.push(path);
    }
  }
  return files;
}

// --- a small reader of the TypeScript type expressions these declarations use -------------------------------------

function tokenize(text) {
  const tokens = [];
  const re = /\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[A-Za-z_$][\w$]*|\[|\]|<|>|\{|\}|\||:|;|,|\?)/y;
  let m;
  while ((m = re.exec(text)) !== null) tokens.push(m[1]);
  return tokens;
}

// Parses one type at tokens[pos]; returns [typeNode, nextPos]. Nodes: {prim}, {lit}, {ref}, {array}, {map}, {obj}, {union}.
function parseType(t, pos) {
  const members = [];
  let [node, p] = parsePrimary(t, pos);
  members.push(node);
  while (t[p] === "|") {
    [node, p] = parsePrimary(t, p + 1);
    members.push(node);
  }
  return [members.length === 1 ? members[0] : { union: members }, p];
}

function parsePrimary(t, p) {
  const tok = t[p];
  if (tok === undefined) throw new Error("a type ends too early");
  let node;
  if (tok.startsWith('"')) {
    node = { lit: tok };
    p++;
  } else if (/^-?\d/.test(tok)) {
    node = { prim: "number" };
    p++;
  } else if (tok === "{") {
    p++;
    if (t[p] === "[") {
      // { [key: string]: T; }
      p += 5; // [ key : string ]
      if (t[p] !== ":") throw new Error("map type at " + t.slice(p - 6, p + 3).join(" "));
      let value;
      [value, p] = parseType(t, p + 1);
      if (t[p] === ";") p++;
      if (t[p] !== "}") throw new Error("map end");
      node = { map: value };
      p++;
    } else {
      const fields = {};
      while (t[p] !== "}") {
        const name = t[p].replace(/^"|"$/g, "");
        p++;
        if (t[p] === "?") p++;
        let type;
        [type, p] = parseType(t, p + 1);
        fields[name] = type;
        if (t[p] === ";" || t[p] === ",") p++;
      }
      node = { obj: fields };
      p++;
    }
  } else if (tok === "Array" && t[p + 1] === "<") {
    let item;
    [item, p] = parseType(t, p + 2);
    if (t[p] !== ">") throw new Error("array end");
    node = { array: item };
    p++;
  } else if (/^[A-Za-z_$]/.test(tok)) {
    node = ["string", "number", "boolean", "any", "object", "unknown"].includes(tok) ? { prim: tok } : { ref: tok };
    p++;
    if (t[p] === "[" && t[p + 1]?.startsWith('"')) {
      // IScale["kind"]: the kind or apiVersion of a class, a string.
      node = { prim: "string" };
      p += 3;
    }
  } else {
    throw new Error(`unexpected '${tok}' in a type`);
  }
  while (t[p] === "[" && t[p + 1] === "]") {
    node = { array: node };
    p += 2;
  }
  return [node, p];
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

// --- reading the declarations ----------------------------------------------------------------------------------------

const classes = new Map(); // long name -> { fields: {name: node}, local: Map(local -> long) }
const aliases = new Map(); // long name -> { type: node, local }
const kinds = []; // { apiVersion, kind, shape }

for (const root of unpackedPackages()) {
  for (const file of declarationFiles(root)) {
    const text = stripComments(readFileSync(file, "utf8"));
    const local = new Map();
    for (const m of text.matchAll(/export type \{([^}]*)\}/g)) {
      for (const part of m[1].split(",")) {
        const [from, to] = part.split(" as ").map((s) => s.trim());
        if (from && to) local.set(from, to);
      }
    }
    for (const m of text.matchAll(/export declare class (\w+) extends Model<(\w+)> implements \w+ \{([\s\S]*?)\n\}/g)) {
      const [, , ifaceName, body] = m;
      const long = local.get(ifaceName) ?? ifaceName;
      const fields = {};
      const t = tokenize(body.split("\n").filter((l) => !/^\s*(static|constructor)\b/.test(l)).join("\n"));
      let p = 0;
      while (p < t.length) {
        const name = t[p].replace(/^"|"$/g, "");
        p++;
        if (t[p] === "?") p++;
        if (t[p] !== ":") throw new Error(`${file}: field ${name}`);
        let type;
        try {
          [type, p] = parseType(t, p + 1);
        } catch (e) {
          throw new Error(`${file}: field ${name}: ${e.message}`);
        }
        fields[name] = type;
        if (t[p] === ";") p++;
      }
      classes.set(long, { fields, local });
      // The interface names the kind with literals (the class repeats them as IDeployment["kind"]).
      const iface = new RegExp(`export interface ${ifaceName} extends TypeMeta \\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";
      const typeMeta = [/"apiVersion": "([^"]+)";/.exec(iface)?.[1], /"kind": "([^"]+)";/.exec(iface)?.[1]];
      if (typeMeta[0] && typeMeta[1]) kinds.push({ apiVersion: typeMeta[0], kind: typeMeta[1], shape: long });
    }
    for (const m of text.matchAll(/export type (I\w+) = ([^;{]+(?:\{[^}]*\})?[^;]*);/g)) {
      const [, name, typeText] = m;
      let type;
      try { [type] = parseType(tokenize(typeText), 0); } catch (e) { throw new Error(`${file}: ${typeText}: ${e.message}`); }
      aliases.set(local.get(name) ?? name, { type, local });
    }
  }
}

// --- writing the table -----------------------------------------------------------------------------------------------

const QUANTITY = "IIoK8sApimachineryPkgApiResourceQuantity";
const INT_OR_STRING = "IIoK8sApimachineryPkgUtilIntstrIntOrString";

function shortName(long) {
  return long
    .replace(/^I?IoK8sApimachineryPkgApisMetaV1/, "Meta")
    .replace(/^I?IoK8sApimachineryPkg/, "")
    .replace(/^I?IoK8sApiextensionsApiserverPkgApisApiextensions/, "Apiextensions")
    .replace(/^I?IoK8sKubeAggregatorPkgApisApiregistration/, "Apiregistration")
    .replace(/^I?IoK8sSigsGatewayApiApis/, "Gateway")
    .replace(/^I?IoK8sApi/, "");
}

const used = new Map(); // short name -> long name
const pending = [];

function code(node, local) {
  if (node.prim) return { string: "s", number: "n", boolean: "b" }[node.prim] ?? "*";
  if (node.lit) return "s";
  if (node.array) return "[" + code(node.array, local);
  if (node.map) return "{" + code(node.map, local);
  if (node.obj) return "*";
  if (node.union) {
    const codes = [...new Set(node.union.map((n) => code(n, local)))];
    if (codes.length === 1) return codes[0];
    return codes.every((c) => c === "s" || c === "n") ? "i" : "*";
  }
  const long = local.get(node.ref) ?? node.ref;
  if (long === QUANTITY) return "q";
  if (long === INT_OR_STRING) return "i";
  if (aliases.has(long)) {
    const alias = aliases.get(long);
    return code(alias.type, alias.local);
  }
  const cls = classes.get(long);
  if (!cls) throw new Error(`unknown type ${node.ref} (${long})`);
  if (Object.keys(cls.fields).length === 0) return "*";
  const name = shortName(long);
  if (!used.has(name)) {
    used.set(name, long);
    pending.push([name, long]);
  } else if (used.get(name) !== long) {
    throw new Error(`${long} and ${used.get(name)} share the short name ${name}`);
  }
  return name;
}

const lines = [
  "# Generated by tools/kube-schema/generate.mjs from " + PACKAGES.join(", ") + ": do not edit.",
  "# =apiVersion Kind Shape | Shape field:type ...  (s string, n number, b boolean, i int-or-string, q quantity, * anything, [T list, {T map, else a Shape)",
];
// Kubernetes' own pre-release versions in these packages are the ones it no longer serves (apps/v1beta2, extensions/v1beta1…):
// BK8004 reports those and they are not checked, so they stay out. Gateway API's pre-release versions are served (the CRDs of
// the experimental channel); its x-k8s.io group is not Gateway API's standard.
const kept = (apiVersion) => apiVersion.startsWith("gateway.networking.k8s.io/") || !/\/v\d+(alpha|beta)\d+$/.test(apiVersion) && !apiVersion.includes("x-k8s.io");
const owners = new Map();
for (const k of kinds.filter((k) => kept(k.apiVersion)).sort((a, b) => (a.apiVersion + " " + a.kind).localeCompare(b.apiVersion + " " + b.kind))) {
  const key = k.apiVersion + " " + k.kind;
  if (owners.has(key)) continue;
  owners.set(key, k.shape);
  lines.push(`=${k.apiVersion} ${k.kind} ${code({ ref: k.shape }, new Map())}`);
}
const shapes = [];
while (pending.length > 0) {
  const [name, long] = pending.shift();
  const cls = classes.get(long);
  const fields = Object.keys(cls.fields).sort().map((f) => `${f}:${code(cls.fields[f], cls.local)}`);
  shapes.push(`${name} ${fields.join(" ")}`);
}
lines.push(...shapes.sort());
writeFileSync(output, lines.join("\n") + "\n");
console.log(`${owners.size} kinds, ${shapes.length} shapes -> ${output}`);
