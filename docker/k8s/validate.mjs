// Validates the Kubernetes manifests against the API's schemas (kubernetes-models, which checks
// each object with the OpenAPI schema of its apiVersion and kind), plus what this project needs:
// probes, resources, a non-root user. Run by docker/verify.sh:
//   node docker/k8s/validate.mjs docker/k8s/*.yaml
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// NODE_MODULES: where js-yaml and kubernetes-models are installed (verify.sh caches them).
const modules = process.env.NODE_MODULES ?? "node_modules";
const yaml = createRequire(join(modules, "noop.js"))("js-yaml");
// kubernetes-models is ESM-only: import its files by path.
const load = async (path) => import(pathToFileURL(join(modules, "kubernetes-models", path, "index.js")).href);
const apps = await load("apps/v1");
const core = await load("v1");
const batch = await load("batch/v1");
const models = {
  "apps/v1/Deployment": apps.Deployment,
  "v1/Service": core.Service,
  "v1/PersistentVolumeClaim": core.PersistentVolumeClaim,
  "batch/v1/Job": batch.Job,
};

let failures = 0;
function fail(where, message) {
  console.error(`FAIL ${where}: ${message}`);
  failures++;
}

for (const file of process.argv.slice(2)) {
  const documents = yaml.loadAll(readFileSync(file, "utf8")).filter(Boolean);
  for (const doc of documents) {
    const where = `${file} ${doc.kind}/${doc.metadata?.name}`;
    const Model = models[`${doc.apiVersion}/${doc.kind}`];
    if (!Model) {
      fail(where, `no schema known for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (e) {
      fail(where, e.message);
      continue;
    }
    const pod = doc.spec?.template?.spec;
    if (pod) {
      if (pod.securityContext?.runAsNonRoot !== true) fail(where, "the pod must run as non-root");
      for (const c of pod.containers) {
        if (!c.resources?.requests || !c.resources?.limits) fail(where, `container ${c.name} has no resource requests and limits`);
        if (doc.kind === "Deployment" && (!c.readinessProbe || !c.livenessProbe)) fail(where, `container ${c.name} needs readiness and liveness probes`);
      }
    }
    if (doc.kind === "Job" && doc.metadata.name === "load-test" && doc.spec.completionMode !== "Indexed") {
      fail(where, "the load test must be an Indexed Job");
    }
    console.log(`ok   ${where}`);
  }
}
process.exit(failures === 0 ? 0 : 1);
