#!/bin/bash
# Usage: jlink-runtime.sh JAR OUTPUT [ADD,...] [LEAVE_OUT,...]
# Links a Java runtime holding only the modules JAR uses, as jdeps finds them for the release of
# the JDK running this (the jars are multi-release: Java 22+ adds the FFM binding), plus ADD,...,
# less LEAVE_OUT,... (modules that only code the application never runs refers to). java.desktop
# is always left out: only JNA's AWT helpers (window handles) and Jackson's optional java.beans
# support refer to it, and it is the largest module jdeps names. Compression zip-6 where jlink
# has it (JDK 21+), its predecessor 2 before.
set -eu
jar=$1
output=$2
extra=${3:-}
leave_out="java.desktop,${4:-}"
release=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
modules=$(jdeps --ignore-missing-deps --multi-release "$release" --print-module-deps "$jar" \
  | tr ',' '\n' | grep -vxF -f <(echo "$leave_out" | tr ',' '\n' | sed '/^$/d') | paste -sd, -)
if [ -n "$extra" ]; then
  modules="$modules,$extra"
fi
compress=2
if jlink --help | grep 'zip-' >/dev/null; then
  compress=zip-6
fi
# --strip-java-debug-attributes, not --strip-debug: the latter needs objcopy for native symbols.
jlink --add-modules "$modules" --strip-java-debug-attributes --no-man-pages --no-header-files \
  --compress="$compress" --output "$output"
echo "$jar: Java $release runtime with $modules: $(du -sm "$output" | cut -f1) MB"
