#!/usr/bin/env python3
"""Start-to-first-echo and idle RSS of the echo server, with and without a Java 25 AOT cache.

Usage (from the repository root, after mvn install with JDK 25):
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java python3 benchmarks/scripts/start-to-echo.py [REPETITIONS]
Three ways to start echo-server/target/echo-server.jar, interleaved, REPETITIONS (default 5) each:
  mr-jar          the multi-release jar as built (FFM classes under META-INF/versions/22), no cache;
  mr-jar+aot      the same with an AOT cache trained on it (JEP 483/514/515): the JVM declines to
                  archive classes from a versioned directory ("Unsupported location");
  flat-jar+aot    a jar flattened for Java 22+ (the versioned classes at the root, as the Docker
                  image builds it) with its AOT cache: every class of ours archived.
Training: one run with -XX:AOTCacheOutput, 200 connections each echoing 64 bytes, then SIGTERM.
Measured: from spawning the JVM to the first echoed byte (a client retries connect every 0.5 ms),
and VmRSS 2 s after that. Loopback only; every server it starts is stopped.
"""
import os, re, signal, socket, subprocess, sys, tempfile, time, zipfile

J = os.environ.get("JAVA", "java")
REPETITIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
JAR = "echo-server/target/echo-server.jar"
work = tempfile.mkdtemp(prefix="start-to-echo-")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def flatten(jar, out):
    """The multi-release jar with its highest versioned classes at the root, for one Java release."""
    with zipfile.ZipFile(jar) as source:
        names = source.namelist()
        versioned = {}
        for name in names:
            m = re.match(r"META-INF/versions/(\d+)/(.+)", name)
            if m and not name.endswith("/"):
                versioned[m.group(2)] = max(versioned.get(m.group(2), 0), int(m.group(1)))
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in names:
                if name.startswith("META-INF/versions/") or name.endswith("/"):
                    continue
                data = source.read(name)
                if name in versioned:
                    data = source.read(f"META-INF/versions/{versioned[name]}/{name}")
                if name == "META-INF/MANIFEST.MF":
                    data = re.sub(rb"Multi-Release: true\r?\n", b"", data)
                target.writestr(name, data)
            for name, version in versioned.items():
                if name not in names:
                    target.writestr(name, source.read(f"META-INF/versions/{version}/{name}"))


def echo_once(port, timeout=30.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"x")
                if s.recv(1) == b"x":
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.0005)


def train(jar, cache):
    port = free_port()
    # The JVM's -Xlog warnings (which classes it leaves out of the cache) go to standard output.
    p = subprocess.Popen([J, f"-XX:AOTCacheOutput={cache}", "-jar", jar, "--port", str(port)],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        echo_once(port)
        for _ in range(200):
            with socket.create_connection(("127.0.0.1", port)) as s:
                s.sendall(b"y" * 64)
                got = b""
                while len(got) < 64:
                    got += s.recv(64)
    finally:
        p.send_signal(signal.SIGTERM)
        err = p.communicate(timeout=60)[0]
    return len(re.findall(r"Skipping dev/selectors/\S+: Unsupported location", err))


def measure(command):
    port = free_port()
    start = time.monotonic()
    p = subprocess.Popen(command + ["--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        echo_once(port)
        millis = (time.monotonic() - start) * 1000
        time.sleep(2)
        with open(f"/proc/{p.pid}/status") as f:
            rss = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024
    finally:
        p.send_signal(signal.SIGTERM)
        err = p.communicate(timeout=30)[1]
    if "AOT" in err or "aot" in err:
        print("   (JVM said: " + err.strip().splitlines()[0] + ")")
    return millis, rss


flat = os.path.join(work, "echo-server-flat.jar")
flatten(JAR, flat)
mr_cache = os.path.join(work, "mr.aot")
flat_cache = os.path.join(work, "flat.aot")
print(f"training: our classes skipped from the multi-release jar: {train(JAR, mr_cache)}, "
      f"from the flattened jar: {train(flat, flat_cache)}")
variants = {
    "mr-jar": [J, "-jar", JAR],
    "mr-jar+aot": [J, f"-XX:AOTCache={mr_cache}", "-jar", JAR],
    "flat-jar+aot": [J, f"-XX:AOTCache={flat_cache}", "-jar", flat],
}
results = {name: [] for name in variants}
for rep in range(REPETITIONS):
    for name, command in variants.items():
        results[name].append(measure(command))
print("| start | start to first echo, ms (median, range) | RSS after 2 s, MiB (median) |")
print("|---|---:|---:|")
for name, values in results.items():
    ms = sorted(v[0] for v in values)
    rss = sorted(v[1] for v in values)
    print(f"| {name} | {ms[len(ms) // 2]:.0f} ({ms[0]:.0f}-{ms[-1]:.0f}) | {rss[len(rss) // 2]:.1f} |")
