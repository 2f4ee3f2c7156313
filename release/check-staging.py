#!/usr/bin/env python3
"""Checks a staging repository as a central repository checks an upload.

    release/check-staging.py STAGING_DIR PUBLIC_KEY.asc

For every artifact under STAGING_DIR/dev/selectors/: the files its packaging needs (a jar
module: the jar, its sources and javadoc jars, its POM and its CycloneDX SBOM; a POM module: the
POM), an MD5 and SHA-1 checksum beside each that matches it, a detached signature beside each
that verifies with PUBLIC_KEY, and a POM whose metadata (own or inherited from a staged parent)
has name, description, url, licenses, scm and developers. Beyond what a central repository
asks: every jar carries LICENSE and NOTICE, every library jar a module descriptor, every
library sources jar a package-info.java per package, no library class outside a `jna` package
names a JNA type and none outside an `ffm` package a java.lang.foreign type (README, "The
binding layer"), and the BOM manages every staged artifact.
Prints one line per artifact; exits 1 when anything fails.
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

GROUP = "dev.selectors"
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
# The library modules: named Java modules, with package-info for each package.
LIBRARIES = {"selectors-api", "selectors-posix", "selectors-linux", "selectors-bsd",
             "selectors-solaris", "selectors-tck", "selectors"}
# Where a library class may name a native-binding API: (package's last name, internal name prefix).
BINDING_APIS = [("jna", b"com/sun/jna/"), ("ffm", b"java/lang/foreign/")]
REQUIRED_METADATA = ["name", "description", "url", "licenses/m:license/m:name", "scm/m:url",
                     "scm/m:connection", "developers/m:developer/m:name"]


def staged_files(version_dir, artifact_id, version):
    """Maps (classifier, extension) to the file of the newest deployment in version_dir."""
    base = version[:-len("-SNAPSHOT")] if version.endswith("-SNAPSHOT") else version
    stamp = r"-\d{8}\.\d{6}-\d+" if version.endswith("-SNAPSHOT") else ""
    pattern = re.compile(re.escape(artifact_id) + "-" + re.escape(base) + "(" + stamp + ")"
                         + r"(?:-([a-z]+))?\.(jar|pom|json)$")
    newest = {}
    for name in sorted(os.listdir(version_dir)):
        match = pattern.match(name)
        if match:
            newest[(match.group(2), match.group(3))] = os.path.join(version_dir, name)
    return newest


def pom_text(pom, path, parents):
    """The text at path in the POM, or in the nearest staged parent that has it."""
    tree = ET.parse(pom).getroot()
    found = tree.find("m:" + path, NS)
    if found is not None and (found.text or "").strip():
        return found.text.strip()
    parent = tree.find("m:parent/m:artifactId", NS)
    if parent is not None and parent.text in parents:
        return pom_text(parents[parent.text], path, parents)
    return None


def verify_signature(path, gpg_home):
    result = subprocess.run(["gpg", "--homedir", gpg_home, "--batch", "--verify", path + ".asc", path],
                            capture_output=True, text=True)
    return result.returncode == 0


def checksum_problems(path):
    problems = []
    data = open(path, "rb").read()
    for ext, algorithm in (("md5", hashlib.md5), ("sha1", hashlib.sha1)):
        sidecar = path + "." + ext
        if not os.path.exists(sidecar):
            problems.append(os.path.basename(sidecar) + " missing")
        elif open(sidecar).read().split()[0] != algorithm(data).hexdigest():
            problems.append(os.path.basename(sidecar) + " does not match")
    return problems


def jar_problems(artifact_id, jar, sources):
    problems = []
    with zipfile.ZipFile(jar) as z:
        names = set(z.namelist())
        for needed in ("META-INF/LICENSE", "META-INF/NOTICE"):
            if needed not in names:
                problems.append(os.path.basename(jar) + " lacks " + needed)
        if artifact_id in LIBRARIES and "module-info.class" not in names:
            problems.append(os.path.basename(jar) + " has no module descriptor")
        if artifact_id in LIBRARIES:
            problems.extend(binding_api_problems(z))
    if artifact_id in LIBRARIES and sources:
        with zipfile.ZipFile(sources) as z:
            packages = {os.path.dirname(n) for n in z.namelist()
                        if n.endswith(".java") and "/" in n and not n.startswith("META-INF/")}
            for package in sorted(packages):
                if package + "/package-info.java" not in z.namelist():
                    problems.append(package.replace("/", ".") + " has no package-info.java")
    return problems


def binding_api_problems(jar):
    """Classes that name JNA outside a jna package, or java.lang.foreign outside an ffm package."""
    problems = []
    for name in sorted(jar.namelist()):
        if not name.endswith(".class") or name.endswith("module-info.class"):
            continue
        package = re.sub(r"^META-INF/versions/\d+/", "", os.path.dirname(name))
        code = jar.read(name)
        for allowed, api in BINDING_APIS:
            if package.rsplit("/", 1)[-1] != allowed and api in code:
                problems.append(name + " names " + api.decode().rstrip("/").replace("/", ".") + " outside a " + allowed + " package")
    return problems


def sbom_problems(artifact_id, sbom):
    try:
        document = json.load(open(sbom))
    except ValueError as e:
        return [os.path.basename(sbom) + " is not JSON: " + str(e)]
    problems = []
    if document.get("bomFormat") != "CycloneDX":
        problems.append(os.path.basename(sbom) + " is not a CycloneDX document")
    component = document.get("metadata", {}).get("component", {})
    if component.get("name") != artifact_id:
        problems.append(os.path.basename(sbom) + " describes " + str(component.get("name")))
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    staging, key = sys.argv[1], sys.argv[2]
    group_dir = os.path.join(staging, *GROUP.split("."))
    if not os.path.isdir(group_dir):
        print("check-staging: nothing staged under " + group_dir, file=sys.stderr)
        return 1
    gpg_home = tempfile.mkdtemp()
    subprocess.run(["gpg", "--homedir", gpg_home, "--batch", "--quiet", "--import", key], check=True)

    artifacts = {}
    for artifact_id in sorted(os.listdir(group_dir)):
        artifact_dir = os.path.join(group_dir, artifact_id)
        for version in sorted(os.listdir(artifact_dir)):
            version_dir = os.path.join(artifact_dir, version)
            if os.path.isdir(version_dir):
                artifacts[artifact_id] = (version, staged_files(version_dir, artifact_id, version))
    poms = {a: files[(None, "pom")] for a, (_, files) in artifacts.items() if (None, "pom") in files}

    failures = 0
    checked_files = 0
    for artifact_id, (version, files) in artifacts.items():
        problems = []
        pom = poms.get(artifact_id)
        if pom is None:
            print("FAIL %-20s no POM" % artifact_id)
            failures += 1
            continue
        packaging = pom_text(pom, "packaging", {}) or "jar"
        needed = [(None, "pom")]
        if packaging == "jar":
            needed += [(None, "jar"), ("sources", "jar"), ("javadoc", "jar"), ("cyclonedx", "json")]
        for classifier, ext in needed:
            if (classifier, ext) not in files:
                problems.append("no " + (classifier + " " if classifier else "") + ext)
        for path in files.values():
            checked_files += 1
            problems += checksum_problems(path)
            if not os.path.exists(path + ".asc"):
                problems.append(os.path.basename(path) + ".asc missing")
            elif not verify_signature(path, gpg_home):
                problems.append(os.path.basename(path) + ".asc does not verify")
        for field in REQUIRED_METADATA:
            if pom_text(pom, field, poms) is None:
                problems.append("POM has no " + field.split("/")[0])
        if packaging == "jar" and (None, "jar") in files:
            problems += jar_problems(artifact_id, files[(None, "jar")], files.get(("sources", "jar")))
        if ("cyclonedx", "json") in files:
            problems += sbom_problems(artifact_id, files[("cyclonedx", "json")])
        if artifact_id == "selectors-bom":
            managed = {e.text for e in ET.parse(pom).getroot().findall(
                "m:dependencyManagement/m:dependencies/m:dependency/m:artifactId", NS)}
            for other, (_, other_files) in artifacts.items():
                if (None, "jar") in other_files and other not in managed:
                    problems.append("the BOM does not manage " + other)
        kinds = ", ".join(sorted((c + "." if c else "") + e for c, e in files))
        if problems:
            failures += 1
            print("FAIL %-20s %s %s" % (artifact_id, version, "; ".join(problems)))
        else:
            print("ok   %-20s %s %s (%s)" % (artifact_id, version, packaging, kinds))
    print("check-staging: %d artifacts, %d files with checksums and signatures, %d failed"
          % (len(artifacts), checked_files, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
