#!/usr/bin/env bash
# A release dry run: what 'mvn deploy' would publish, deployed to a staging repository inside
# target/ (never to a remote one), signed with a throwaway key made for this run, then checked
# as a central repository checks an upload (release/check-staging.py). Nothing is uploaded and
# no key outlives the run.
#   release/dry-run.sh                    # with mvn and java from PATH (or JAVA_HOME)
# Exit status: 0 when every artifact passes, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
staging="$root/target/staging"

GNUPGHOME=$(mktemp -d)
export GNUPGHOME
cleanup() {
  gpgconf --kill gpg-agent > /dev/null 2>&1 || true
  rm -rf "$GNUPGHOME"
}
trap cleanup EXIT
chmod 700 "$GNUPGHOME"
gpg --batch --quiet --trust-model always --passphrase '' \
  --quick-gen-key "selectors for the JVM release dry run (throwaway) <dry-run@selectors.invalid>" ed25519 sign 1d
key=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" {print $10; exit}')
echo "=== release dry run: throwaway key $key, staging repository $staging"

rm -rf "$staging"
# deploy runs install too: the local repository then holds what was staged (examples/library-user).
mvn -B -q deploy -Prelease -DskipTests -Dgpg.keyname="$key" \
  -DaltDeploymentRepository="staging::file://$staging"

gpg --batch --quiet --armor --export "$key" > "$root/target/dry-run-key.asc"
python3 release/check-staging.py "$staging" "$root/target/dry-run-key.asc"
