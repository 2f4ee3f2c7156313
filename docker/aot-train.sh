#!/bin/bash
# Usage: aot-train.sh RUNTIME JAR OUT LOAD_TEST_JAR
# Puts the echo server in OUT as the image runs it: OUT/echo-server.jar, OUT/echo-server.options
# (the JVM options of the entry point, an @argfile) and, on Java 25+ with AOT_CACHE=true,
# OUT/echo-server.aot, an AOT
# cache (JEP 483/514/515) trained on the image's own runtime (RUNTIME/bin/java): the server is
# started, LOAD_TEST_JAR runs a short load against it on loopback, SIGTERM ends it. Only with
# AOT_CACHE=true (17 MB more image, a faster start).
# On Java 22+ the multi-release jar is first flattened for this release, its versioned classes
# (the FFM binding) at the root: the JVM archives no class from META-INF/versions.
set -euo pipefail
runtime=$1 jar=$2 out=$3 load_test=$4
release=$("$runtime/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
mkdir -p "$out"
printf '%s\n' -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError > "$out/echo-server.options"
if [ "$release" -lt 22 ]; then
  cp "$jar" "$out/echo-server.jar"
  echo "Java $release: the jar as built, no AOT cache"
  exit 0
fi
flat=$(mktemp -d)
(cd "$flat" && jar xf "$jar")
for version in $(ls "$flat/META-INF/versions" | sort -n); do
  [ "$version" -le "$release" ] && cp -r "$flat/META-INF/versions/$version/." "$flat/"
done
rm -rf "$flat/META-INF/versions"
sed -i '/^Multi-Release:/d' "$flat/META-INF/MANIFEST.MF"
jar --create --file "$out/echo-server.jar" --manifest "$flat/META-INF/MANIFEST.MF" -C "$flat" .
rm -rf "$flat"
if [ "$release" -lt 25 ] || [ "${AOT_CACHE:-false}" != true ]; then
  echo "Java $release: the jar flattened, no AOT cache (AOT_CACHE=${AOT_CACHE:-false}; one-step training needs Java 25)"
  exit 0
fi
port=41234
"$runtime/bin/java" -XX:AOTCacheOutput="$out/echo-server.aot" -jar "$out/echo-server.jar" --port "$port" \
  > "$out/training.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.05
done
java -jar "$load_test" run --target "127.0.0.1:$port" --connections 20 --warmup 0s --duration 3s --quiet
kill -TERM "$server"
wait "$server"
if grep 'Skipping dev/selectors/.*Unsupported location' "$out/training.log"; then
  echo "the AOT cache left classes of ours out" >&2
  exit 1
fi
rm "$out/training.log"
echo "-XX:AOTCache=/app/echo-server.aot" >> "$out/echo-server.options"
echo "Java $release: the jar flattened, AOT cache $(du -m "$out/echo-server.aot" | cut -f1) MB"
