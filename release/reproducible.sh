#!/usr/bin/env bash
# Reproducible builds: two clean builds of the committed tree (HEAD), in two directories, must
# produce byte-identical jars (library, sources, javadoc, executable) and SBOMs. Every jar entry
# carries project.build.outputTimestamp instead of the build's time.
#   release/reproducible.sh               # with mvn and java from PATH (or JAVA_HOME)
# Exit status: 0 when every artifact is identical, 1 otherwise (the differing files are listed).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for build in one two; do
  git clone -q "$PWD" "$work/$build"
  (cd "$work/$build" && mvn -B -q package -DskipTests > "$work/$build.log" 2>&1) \
    || { echo "reproducible: the build in $work/$build failed:"; tail -n 30 "$work/$build.log"; exit 1; }
done

(cd "$work/one" && find . -path '*/target/*' -maxdepth 3 \( -name '*.jar' -o -name 'bom.json' \) \
  ! -name 'original-*' | sort) > "$work/artifacts"
compared=0 differing=0
while read -r artifact; do
  compared=$((compared + 1))
  if ! cmp -s "$work/one/$artifact" "$work/two/$artifact"; then
    differing=$((differing + 1))
    echo "  differs: ${artifact#./}"
  fi
done < "$work/artifacts"
echo "reproducible: $compared artifacts of two clean builds compared, $differing differ"
[ "$compared" -gt 0 ] && [ "$differing" -eq 0 ]
