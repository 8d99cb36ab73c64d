// Validates every document of the YAML files given against the Kubernetes and Gateway API schemas that
// kubernetes-models and @kubernetes-models/gateway-api carry. Prints one line per document; exit 1 on any failure.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const groups = { "": "kubernetes-models", "gateway.networking.k8s.io": "@kubernetes-models/gateway-api/gateway.networking.k8s.io" };
let failed = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const obj = doc.toJS();
    if (!obj) continue;
    const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
    const module = group === "gateway.networking.k8s.io" ? `${groups[group]}/${version}/${obj.kind}` : group === "" ? `kubernetes-models/${version}/${obj.kind}` : `kubernetes-models/${group}/${version}/${obj.kind}`;
    const label = `${file}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
    try {
      const models = await import(module);
      const Model = models[obj.kind] ?? models.default;
      new Model(obj).validate();
      console.log(`valid ${label}`);
    } catch (error) {
      failed++;
      console.log(`INVALID ${label}: ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
