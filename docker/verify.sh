#!/usr/bin/env bash
# Verifies the Docker files by building and running them with podman (shared/CONTAINERS.md):
#   1. installs podman and what it needs, if missing;
#   2. makes the local base images from debootstrap, cached as tarballs between runs: a slim
#      Debian for the runtime, and build bases with Maven and JDK 17, and JDK 25 copied from the
#      machine's own (/usr/lib/jvm), since no registry can be reached;
#   3. builds the echo-server and load-test images from docker/Dockerfile (Java 25: FFM), and
#      the Java 17 variant of the echo server (JNA); reports sizes, checks the OCI labels;
#   4. runs the echo server with its ports published on 127.0.0.1: an echo round trip, /metrics,
#      /health, /ready, the image's health check; runs the load-test image against it (host
#      network, loopback only) and requires zero errors; stops it under load and requires a
#      drain (exit 0 within the drain timeout, no reset); runs both variants read-only and
#      non-root as Kubernetes does;
#   5. validates docker/compose.yaml (docker-compose config) and the Kubernetes manifests
#      (kubernetes-models: the API's OpenAPI schemas, plus probes, resources, non-root);
#   6. self-check: an image whose entry point is broken must fail step 4, leaving nothing running.
# Everything it makes (containers, images) is removed on exit, also on failure.
# Usage: docker/verify.sh            (SELECTORS_DOCKER_CACHE overrides /var/cache/selectors-docker)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export CONTAINERS_CONF="$ROOT/docker/podman/containers.conf"
CACHE=${SELECTORS_DOCKER_CACHE:-/var/cache/selectors-docker}
RUN_ID="verify-$$"
ECHO_IMAGE="localhost/selectors/echo-server:$RUN_ID"
LOAD_IMAGE="localhost/selectors/load-test:$RUN_ID"
BROKEN_IMAGE="localhost/selectors/echo-server-broken:$RUN_ID"
ECHO17_IMAGE="localhost/selectors/echo-server-jdk17:$RUN_ID"
ECHO_AOT_IMAGE="localhost/selectors/echo-server-aot:$RUN_ID"
RUNTIME_BASE="localhost/debian-slim:12"
BUILD_BASE_17="localhost/debian-jdk-maven:17"
BUILD_BASE_25="localhost/debian-jdk-maven:25"
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
WORK=$(mktemp -d)

# podman without systemd reports, on every run and stop, that it cannot add health-check timers:
# expected here (CONTAINERS.md), so only those lines are dropped from its error output.
quiet_systemd() {
  "$@" 2> >(grep -v 'unable to get systemd connection' >&2)
}

SUMMARY=()
step_started=0
step() {
  step_started=$SECONDS
  echo "[verify] $*"
}
done_step() {
  local took=$((SECONDS - step_started))
  SUMMARY+=("$(printf '%4ds  %s' "$took" "$*")")
  echo "[verify] ok: $* (${took}s)"
}

cleanup() {
  local status=$?
  # Containers first (they hold the images), then the images this run built.
  for id in $(podman ps -aq --filter "label=selectors-verify=$RUN_ID" 2>/dev/null); do
    podman rm -f "$id" >/dev/null 2>&1 || true
  done
  if [ -f "$WORK/deployment.yaml" ]; then
    podman kube down "$WORK/deployment.yaml" >/dev/null 2>&1 || true
  fi
  for image in "$BROKEN_IMAGE" "$LOAD_IMAGE" "$ECHO_IMAGE" "$ECHO17_IMAGE" "$ECHO_AOT_IMAGE"; do
    podman rmi -f "$image" >/dev/null 2>&1 || true
  done
  podman image prune -f >/dev/null 2>&1 || true
  rm -rf "$WORK"
  if [ "$status" -ne 0 ]; then
    echo "[verify] FAILED (status $status); everything this run started was removed" >&2
  fi
  exit "$status"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------- 1. tools
step "tools: podman, runc, netavark, debootstrap, docker-compose, node"
need=()
for tool in podman runc debootstrap docker-compose iptables; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc netavark aardvark-dns iptables catatonit \
    debootstrap docker-compose >/dev/null
fi
command -v node >/dev/null || { echo "[verify] node is needed to validate the Kubernetes manifests" >&2; exit 1; }
mkdir -p "$CACHE/npm"
if [ ! -d "$CACHE/npm/node_modules/kubernetes-models" ] || [ ! -d "$CACHE/npm/node_modules/js-yaml" ]; then
  npm install --silent --no-audit --no-fund --prefix "$CACHE/npm" kubernetes-models@5 js-yaml@4 >/dev/null
fi
done_step "tools installed ($(podman --version))"

# ------------------------------------------------------------------------------- 2. base images
base_image() { # NAME [--jdk DIR] PACKAGES...
  local name=$1 tarball="$CACHE/$(echo "$1" | tr '/:' '__').tar" jdk="" changes=()
  shift
  if [ "${1:-}" = --jdk ]; then
    jdk=$2
    shift 2
    changes=(--change "ENV JAVA_HOME=/opt/jdk"
             --change "ENV PATH=/opt/jdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
  fi
  if podman image exists "$name"; then
    return
  fi
  if [ ! -f "$tarball" ]; then
    if [ ! -f "$CACHE/minbase.tar.gz" ]; then
      rm -rf "$CACHE/minbase"
      debootstrap --variant=minbase bookworm "$CACHE/minbase" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1
      tar -C "$CACHE/minbase" -czf "$CACHE/minbase.tar.gz" .
      rm -rf "$CACHE/minbase"
    fi
    local rootfs="$CACHE/rootfs-$$"
    rm -rf "$rootfs" && mkdir -p "$rootfs"
    tar -C "$rootfs" -xzf "$CACHE/minbase.tar.gz"
    mount --bind /proc "$rootfs/proc"
    if [ $# -gt 0 ]; then
      chroot "$rootfs" bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends $* >/dev/null" || { umount "$rootfs/proc"; rm -rf "$rootfs"; return 1; }
    fi
    # debootstrap leaves the packages it installed in apt's cache: a slim base has none.
    chroot "$rootfs" bash -c "apt-get clean && rm -rf /var/lib/apt/lists/*"
    if [ $# -eq 0 ]; then
      # The runtime base, as debian:bookworm-slim is made: no documentation, manuals or translations.
      rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
        "$rootfs"/usr/share/locale/*
    fi
    umount "$rootfs/proc"
    if [ -n "$jdk" ]; then
      cp -a "$jdk" "$rootfs/opt/jdk"
    fi
    tar -C "$rootfs" -cf "$tarball" .
    rm -rf "$rootfs"
  fi
  podman import "${changes[@]}" "$tarball" "$name" >/dev/null
}
# The newest JDK 22+ on this machine (Temurin 25 here) becomes the Java 25 build base.
newer_jdk=""
for candidate in /usr/lib/jvm/*; do
  feature=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p') || true
  if [ -x "$candidate/bin/jlink" ] && [ -n "$feature" ] && [ "$feature" -ge 22 ] 2>/dev/null; then
    newer_jdk=$candidate
  fi
done
[ -n "$newer_jdk" ] || { echo "[verify] no JDK 22+ under /usr/lib/jvm for the Java 25 build base" >&2; exit 1; }
step "base images (cached in $CACHE)"
base_image "$RUNTIME_BASE"
base_image "$BUILD_BASE_17" openjdk-17-jdk-headless maven
base_image "$BUILD_BASE_25" --jdk "$newer_jdk" maven
done_step "base images $RUNTIME_BASE, $BUILD_BASE_17 and $BUILD_BASE_25 ($(basename "$newer_jdk"))"

# ------------------------------------------------------------------------------- 3. build
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' selectors-bom/pom.xml | head -n 1)
build() { # TARGET IMAGE [BUILD BASE] [BUILD ARGUMENT...]
  mkdir -p "$HOME/.m2"
  local target=$1 image=$2 base=${3:-$BUILD_BASE_25}
  shift $(( $# < 3 ? $# : 3 ))
  podman build --format docker --pull=never --quiet -f docker/Dockerfile --target "$target" \
    --build-arg BUILD_IMAGE="$base" --build-arg RUNTIME_IMAGE="$RUNTIME_BASE" "$@" \
    --build-arg REVISION="$REVISION" --build-arg VERSION="$VERSION" \
    -v "$HOME/.m2:/root/.m2" -t "$image" . >/dev/null
}
size() { # IMAGE
  podman image inspect "$1" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}'
}
runtime_size() { # IMAGE
  podman run --rm --entrypoint du "$1" -sm /opt/java | awk '{print $1 " MB"}'
}
label() { # IMAGE KEY
  podman image inspect "$1" --format "{{index .Labels \"$2\"}}"
}
step "build the echo-server image (Java 25)"
build echo-server "$ECHO_IMAGE"
done_step "echo-server image built: $(size "$ECHO_IMAGE") (its jlink'ed Java runtime $(runtime_size "$ECHO_IMAGE"))"
step "build the echo-server image with an AOT cache (AOT_CACHE=true); its runtime maps the cache"
build echo-server "$ECHO_AOT_IMAGE" "$BUILD_BASE_25" --build-arg AOT_CACHE=true
# -XX:AOTMode=on makes an unusable cache (another JVM build, a changed jar) an error, not a warning.
podman run --rm --entrypoint java "$ECHO_AOT_IMAGE" -XX:AOTMode=on @/app/echo-server.options \
  -jar /app/echo-server.jar --version >/dev/null \
  || { echo "[verify] the echo-server image's AOT cache cannot be used" >&2; exit 1; }
podman run --rm --entrypoint java "$ECHO_IMAGE" -XX:AOTMode=on -XX:AOTCache=/app/echo-server.aot \
  -jar /app/echo-server.jar --version >/dev/null 2>&1 \
  && { echo "[verify] the default image has an AOT cache" >&2; exit 1; }
done_step "echo-server with its AOT cache ($(podman run --rm --entrypoint du "$ECHO_AOT_IMAGE" -m /app/echo-server.aot | cut -f1) MB): $(size "$ECHO_AOT_IMAGE"), the cache mapped by the image's runtime"
step "build the load-test image (Java 25)"
build load-test "$LOAD_IMAGE"
done_step "load-test image built: $(size "$LOAD_IMAGE")"
step "build the Java 17 variant of the echo-server image"
build echo-server "$ECHO17_IMAGE" "$BUILD_BASE_17"
done_step "echo-server Java 17 image built: $(size "$ECHO17_IMAGE") (runtime $(runtime_size "$ECHO17_IMAGE"))"
step "OCI labels"
for image in "$ECHO_IMAGE" "$LOAD_IMAGE" "$ECHO17_IMAGE"; do
  [ "$(label "$image" org.opencontainers.image.licenses)" = "Apache-2.0" ] \
    || { echo "[verify] $image has no Apache-2.0 licence label" >&2; exit 1; }
  [ -n "$(label "$image" org.opencontainers.image.revision)" ] \
    || { echo "[verify] $image has no revision label" >&2; exit 1; }
done
# The jars in the image were built from this checkout: --version names its version and commit.
expected="echo-server $VERSION"
[ "$REVISION" = unknown ] || expected="$expected (commit ${REVISION:0:12})"
actual=$(podman run --rm "$ECHO_IMAGE" --version | sed -n 1p)
[ "$actual" = "$expected" ] || { echo "[verify] the image's --version says '$actual', not '$expected'" >&2; exit 1; }
done_step "the images carry licence, version, revision and source labels ($(label "$ECHO_IMAGE" org.opencontainers.image.version), $(label "$ECHO_IMAGE" org.opencontainers.image.revision | cut -c1-12))"

# ------------------------------------------------------------------------------- 4. run
# Checks a running echo-server image end to end; returns non-zero on the first failure.
check_echo_image() { # IMAGE NAME [PODMAN RUN OPTIONS...]
  local image=$1 name=$2
  shift 2
  quiet_systemd podman run -d --name "$name" --label "selectors-verify=$RUN_ID" \
    -p 127.0.0.1::1234 -p 127.0.0.1::9100 "$@" "$image" >/dev/null || return 1
  local port metrics_port
  # Filters here read all their input (sed -n 1p, grep > /dev/null, not head or grep -q): with
  # pipefail, a reader that stops early would SIGPIPE the writer and fail the pipeline at random.
  port=$(podman port "$name" 1234/tcp | sed -n '1s/.*://p') || return 1
  metrics_port=$(podman port "$name" 9100/tcp | sed -n '1s/.*://p') || return 1
  local started=0
  for _ in $(seq 1 100); do
    if podman logs "$name" 2>&1 | grep "listening on" >/dev/null; then started=1; break; fi
    if [ "$(podman inspect "$name" --format '{{.State.Running}}')" != "true" ]; then break; fi
    sleep 0.1
  done
  if [ "$started" != 1 ]; then
    echo "[verify] $name did not start:" >&2; podman logs "$name" >&2 || true
    return 1
  fi
  # An echo round trip through the published port, with bash alone.
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'verify' >&3
  IFS= read -r -t 5 -N 6 reply <&3 || true
  exec 3<&- 3>&-
  [ "$reply" = "verify" ] || { echo "[verify] echo round trip returned '$reply'" >&2; return 1; }
  curl -fsS "http://127.0.0.1:$metrics_port/metrics" | grep '^echo_connections_accepted_total' >/dev/null \
    || { echo "[verify] /metrics lacks echo_connections_accepted_total" >&2; return 1; }
  curl -fsS "http://127.0.0.1:$metrics_port/health" >/dev/null || { echo "[verify] /health is not 200" >&2; return 1; }
  curl -fsS "http://127.0.0.1:$metrics_port/ready" >/dev/null || { echo "[verify] /ready is not 200" >&2; return 1; }
  # Health checks do not run by themselves without systemd: run the image's check once.
  podman healthcheck run "$name" >/dev/null 2>&1 || { echo "[verify] the health check failed" >&2; return 1; }
  echo "$port"
}

binding_of() { # CONTAINER
  podman logs "$1" 2>&1 | sed -n 's/.*(\([a-z]*\) binding.*/\1/p' | sed -n 1p
}
step "run the echo-server image: echo round trip, /metrics, /health, /ready, health check"
ECHO_PORT=$(check_echo_image "$ECHO_IMAGE" "echo-$RUN_ID")
[ "$(binding_of "echo-$RUN_ID")" = ffm ] \
  || { echo "[verify] the Java 25 image does not run the FFM binding:" >&2; podman logs "echo-$RUN_ID" >&2; exit 1; }
done_step "echo server (ffm binding) answers on 127.0.0.1:$ECHO_PORT, serves /metrics, passes its health check"

step "run the load-test image against it (host network, loopback)"
report=$(podman run --rm --label "selectors-verify=$RUN_ID" --network host "$LOAD_IMAGE" run \
  --target "127.0.0.1:$ECHO_PORT" --connections 20 --size 64-4k --warmup 1s --duration 3s --quiet)
echo "$report" | sed 's/^/[verify]   /'
echo "$report" | grep "errors    none: every echoed byte matched" >/dev/null \
  || { echo "[verify] the load test reported errors" >&2; exit 1; }
done_step "load test: $(echo "$report" | grep '^measured' | sed 's/measured *//'), zero errors"

step "stop the echo server under load: a drain, no reset, exit 0"
podman run --rm --label "selectors-verify=$RUN_ID" --network host "$LOAD_IMAGE" run \
  --target "127.0.0.1:$ECHO_PORT" --connections 20 --warmup 0s --duration 10s --quiet > "$WORK/drain-load.txt" 2>&1 &
load_pid=$!
sleep 3
stop_started=$(date +%s%N)
quiet_systemd podman stop -t 10 "echo-$RUN_ID" >/dev/null
stop_ms=$(( ($(date +%s%N) - stop_started) / 1000000 ))
wait "$load_pid" || true
exit_code=$(podman inspect "echo-$RUN_ID" --format '{{.State.ExitCode}}')
sed 's/^/[verify]   /' "$WORK/drain-load.txt"
[ "$exit_code" = 0 ] || { echo "[verify] exit code after stop: $exit_code" >&2; exit 1; }
# The drain timeout is 5 s; the clients close on EOF at once, so the drain takes far less.
[ "$stop_ms" -lt 5000 ] || { echo "[verify] stop took ${stop_ms} ms" >&2; exit 1; }
errors=$(grep '^errors' "$WORK/drain-load.txt" || true)
case "$errors" in
  *reset*|*mismatch*|"") echo "[verify] the drain reset connections or garbled bytes: '$errors'" >&2; exit 1 ;;
esac
quiet_systemd podman rm "echo-$RUN_ID" >/dev/null
done_step "drained under load in ${stop_ms} ms, exit 0; the load test saw no reset (${errors#errors    })"

step "run the images as Kubernetes does: read-only root, non-root, no capabilities"
KUBE=(--read-only --user 10001:10001 --cap-drop ALL --security-opt no-new-privileges)
# FFM links the C library in place: no writable directory at all.
ECHO_RO_PORT=$(check_echo_image "$ECHO_IMAGE" "echo-ro-$RUN_ID" "${KUBE[@]}")
quiet_systemd podman stop -t 10 "echo-ro-$RUN_ID" >/dev/null
quiet_systemd podman rm "echo-ro-$RUN_ID" >/dev/null
# JNA unpacks its native library into /tmp: the Java 17 variant needs it writable (an emptyDir).
ECHO17_PORT=$(check_echo_image "$ECHO17_IMAGE" "echo17-$RUN_ID" "${KUBE[@]}" --tmpfs /tmp:rw,size=16m)
[ "$(binding_of "echo17-$RUN_ID")" = jna ] \
  || { echo "[verify] the Java 17 image does not run the JNA binding" >&2; exit 1; }
quiet_systemd podman stop -t 10 "echo17-$RUN_ID" >/dev/null
quiet_systemd podman rm "echo17-$RUN_ID" >/dev/null
done_step "read-only and non-root: Java 25 (ffm) on 127.0.0.1:$ECHO_RO_PORT with nothing writable, Java 17 (jna) on 127.0.0.1:$ECHO17_PORT with a tmpfs at /tmp"

step "a wedged event loop turns the image's health check red, and it recovers"
# The image's own entry point and options, plus the test-only hook that blocks loop 0 on request.
quiet_systemd podman run -d --name "wedge-$RUN_ID" --label "selectors-verify=$RUN_ID" -p 127.0.0.1::9100 \
  --entrypoint java "$ECHO_IMAGE" @/app/echo-server.options -Ddev.selectors.echo.testHooks=true \
  -jar /app/echo-server.jar >/dev/null
wedge_metrics=$(podman port "wedge-$RUN_ID" 9100/tcp | sed -n '1s/.*://p')
for _ in $(seq 1 100); do
  podman logs "wedge-$RUN_ID" 2>&1 | grep "listening on" >/dev/null && break
  sleep 0.1
done
podman healthcheck run "wedge-$RUN_ID" >/dev/null 2>&1 \
  || { echo "[verify] the health check failed before the wedge" >&2; exit 1; }
curl -fsS -X POST "http://127.0.0.1:$wedge_metrics/test/wedge?seconds=4" >/dev/null
if podman healthcheck run "wedge-$RUN_ID" >/dev/null 2>&1; then
  echo "[verify] the health check passed with a wedged event loop" >&2
  exit 1
fi
recovered=0
for _ in $(seq 1 40); do
  if podman healthcheck run "wedge-$RUN_ID" >/dev/null 2>&1; then recovered=1; break; fi
  sleep 0.25
done
[ "$recovered" = 1 ] || { echo "[verify] the health check did not recover after the wedge" >&2; exit 1; }
quiet_systemd podman rm -f "wedge-$RUN_ID" >/dev/null
done_step "health check green, red while event loop 0 was wedged, green again"

step "run the Kubernetes Deployment itself (podman kube play): its securityContext, limits and probes' paths"
# The Deployment of docker/k8s/echo-server.yaml as written, but for the image just built. podman
# applies runAsUser, readOnlyRootFilesystem, no privilege escalation, the memory limit and the
# emptyDir; the pod is reached from inside its own network namespace, nothing is published.
awk 'BEGIN { RS = "\n---\n" } /kind: Deployment/' docker/k8s/echo-server.yaml \
  | sed "s|image: selectors/echo-server:.*|image: $ECHO_IMAGE|" > "$WORK/deployment.yaml"
quiet_systemd podman kube play "$WORK/deployment.yaml" >/dev/null
kube_container=$(podman ps --format '{{.Names}}' | grep '^echo-server-pod-0-echo-server$' || true)
[ -n "$kube_container" ] || { echo "[verify] podman kube play started no echo-server container" >&2; exit 1; }
for _ in $(seq 1 100); do
  podman logs "$kube_container" 2>&1 | grep "listening on" >/dev/null && break
  sleep 0.1
done
kube_report=$(podman exec "$kube_container" bash -c '
  echo "uid $(id -u)"
  touch /probe 2>/dev/null && echo "root writable" || echo "root read-only"
  exec 3<>/dev/tcp/127.0.0.1/1234 && printf kube >&3 && IFS= read -r -t 5 -N 4 reply <&3 && echo "echo $reply"
  for path in /health /ready; do
    exec 4<>/dev/tcp/127.0.0.1/9100 && printf "GET $path HTTP/1.0\r\n\r\n" >&4 && IFS= read -r -t 5 status <&4
    echo "$path ${status%$'"'"'\r'"'"'}"
  done')
echo "$kube_report" | sed 's/^/[verify]   /'
memory=$(podman inspect "$kube_container" --format '{{.HostConfig.Memory}}')
for expected in "uid 10001" "root read-only" "echo kube" "/health HTTP/1.1 200 OK" "/ready HTTP/1.1 200 OK"; do
  echo "$kube_report" | grep -Fx "$expected" >/dev/null \
    || { echo "[verify] the Deployment's pod: expected '$expected'" >&2; exit 1; }
done
[ "$memory" = 536870912 ] || { echo "[verify] the Deployment's memory limit is $memory, not 512Mi" >&2; exit 1; }
quiet_systemd podman kube down "$WORK/deployment.yaml" >/dev/null
rm "$WORK/deployment.yaml"
done_step "the Deployment runs under podman kube play: uid 10001, read-only root, 512Mi, echo, /health and /ready 200"

# ------------------------------------------------------------------------------- 5. manifests
step "validate docker/compose.yaml"
docker-compose -f docker/compose.yaml config -q
done_step "compose file valid (docker-compose $(docker-compose version --short 2>/dev/null))"

step "validate the Kubernetes manifests: API schemas, Pod Security \"restricted\""
NODE_MODULES="$CACHE/npm/node_modules" node docker/k8s/validate.mjs docker/k8s/*.yaml | sed 's/^/[verify]   /'
done_step "Kubernetes manifests valid (kubernetes-models schemas) and within Pod Security \"restricted\""

# ------------------------------------------------------------------------------- 6. self-check
step "self-check: a broken image must fail the checks and leave nothing running"
printf 'FROM %s\nENTRYPOINT ["java", "-jar", "/app/missing.jar"]\n' "$ECHO_IMAGE" \
  | podman build --format docker --pull=never --quiet -t "$BROKEN_IMAGE" -f - . >/dev/null
if (check_echo_image "$BROKEN_IMAGE" "broken-$RUN_ID" >/dev/null 2>&1); then
  echo "[verify] the broken image passed the checks: the checks prove nothing" >&2
  exit 1
fi
podman rm -f "broken-$RUN_ID" >/dev/null 2>&1 || true
if [ -n "$(podman ps -q --filter "label=selectors-verify=$RUN_ID")" ]; then
  echo "[verify] containers left running after the self-check" >&2
  exit 1
fi
done_step "the broken image was caught, nothing left running"

echo "[verify] all checks passed:"
printf '[verify]   %s\n' "${SUMMARY[@]}"
