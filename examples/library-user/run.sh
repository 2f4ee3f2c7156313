#!/usr/bin/env bash
# Builds examples/library-user as a user's project would (the BOM imported, one dependency on
# dev.selectors:selectors, taken from the local Maven repository: run 'mvn install' first), then
# runs it on the class path and on the module path (no class path), with every binding the JVM
# can use: JNA, and FFM on Java 22+ when the jars carry it. Each run must print the echoed
# "hello" and nothing on standard error (a missing --enable-native-access shows up there).
#   examples/library-user/run.sh                 # with 'java' and 'mvn' from PATH (or JAVA_HOME)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 examples/library-user/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/selectors-bom/pom.xml" | head -n 1)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')

echo "library-user: dev.selectors:selectors $version from the local repository, Java $feature"
if ! mvn -B -q -f "$here/pom.xml" -Dselectors.version="$version" clean package; then
  echo "library-user: the build failed; is dev.selectors:selectors:$version in the local repository?" \
    "(mvn -B -q install -DskipTests in $root puts it there)" >&2
  exit 1
fi

bindings="jna"
if [ "$feature" -ge 22 ] && unzip -Z1 "$here/target/lib/selectors-posix-$version.jar" | grep -c '^META-INF/versions/22/' > /dev/null; then
  bindings="jna ffm"
fi
# On Java 22+ the modules that call restricted methods: JNA's, the POSIX layer's (FFM), and
# the Solaris backend's (FFM); on the class path, all of them are ALL-UNNAMED.
cp_access=() mp_access=()
if [ "$feature" -ge 22 ]; then
  cp_access=(--enable-native-access=ALL-UNNAMED)
  mp_access=(--enable-native-access=com.sun.jna,dev.selectors.posix,dev.selectors.solaris)
fi

failures=0
check() {  # check LABEL COMMAND...: the program prints "hello from <backend>" and no error
  local label=$1 out err
  shift
  out=$(mktemp) err=$(mktemp)
  if "$@" > "$out" 2> "$err" && grep -q '^hello from ' "$out" && [ ! -s "$err" ]; then
    echo "  ok   $label: $(cat "$out")"
  else
    echo "  FAIL $label: stdout '$(cat "$out")', stderr:"; sed 's/^/       /' "$err"
    failures=$((failures + 1))
  fi
  rm -f "$out" "$err"
}
for binding in $bindings; do
  check "class path,  $binding" "$java" "${cp_access[@]}" -Dselectors.native="$binding" \
    -cp "$here/target/classes:$here/target/lib/*" example.Hello
  check "module path, $binding" "$java" "${mp_access[@]}" -Dselectors.native="$binding" \
    -p "$here/target/classes:$here/target/lib" -m example/example.Hello
done
[ "$failures" -eq 0 ] || { echo "library-user: $failures run(s) failed"; exit 1; }
