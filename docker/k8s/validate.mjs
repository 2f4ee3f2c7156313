// Validates the Kubernetes manifests against the API's schemas (kubernetes-models, which checks
// each object with the OpenAPI schema of its apiVersion and kind), plus what this project needs:
// probes, resources, a non-root user, and the Pod Security "restricted" profile. Run by docker/verify.sh:
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

// The rules of the Pod Security Standards' "restricted" profile (kubernetes.io/docs/concepts/
// security/pod-security-standards), as a cluster with pod-security.kubernetes.io/enforce=restricted
// applies them; baseline's rules included where a pod spec can break them.
const ALLOWED_VOLUMES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
                         "projected", "secret"];
function restricted(pod) {
  const problems = [];
  const podContext = pod.securityContext ?? {};
  for (const host of ["hostNetwork", "hostPID", "hostIPC"]) if (pod[host]) problems.push(`${host} is set`);
  for (const volume of pod.volumes ?? []) {
    const type = Object.keys(volume).find((key) => key !== "name");
    if (!ALLOWED_VOLUMES.includes(type)) problems.push(`volume ${volume.name} is of type ${type}`);
  }
  const containers = [...(pod.initContainers ?? []), ...pod.containers];
  for (const c of containers) {
    const context = c.securityContext ?? {};
    const where = `container ${c.name}`;
    if (context.privileged) problems.push(`${where} is privileged`);
    if (context.allowPrivilegeEscalation !== false) problems.push(`${where} must set allowPrivilegeEscalation: false`);
    const drop = context.capabilities?.drop ?? [];
    if (!drop.includes("ALL")) problems.push(`${where} must drop ALL capabilities`);
    const added = (context.capabilities?.add ?? []).filter((cap) => cap !== "NET_BIND_SERVICE");
    if (added.length) problems.push(`${where} adds capabilities ${added}`);
    if ((context.runAsNonRoot ?? podContext.runAsNonRoot) !== true) problems.push(`${where} may run as root`);
    if ((context.runAsUser ?? podContext.runAsUser) === 0) problems.push(`${where} runs as uid 0`);
    const seccomp = (context.seccompProfile ?? podContext.seccompProfile)?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") problems.push(`${where} has no seccomp profile`);
    for (const port of c.ports ?? []) if (port.hostPort) problems.push(`${where} uses hostPort ${port.hostPort}`);
  }
  return problems;
}
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
      for (const problem of restricted(pod)) fail(where, `Pod Security "restricted": ${problem}`);
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
