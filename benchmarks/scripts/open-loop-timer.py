#!/usr/bin/env python3
"""Open-loop latency at --rate 1000 on one connection, against the closed-loop latency of the same server.

Usage (from the repository root, after mvn install with JDK 22+):
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java python3 benchmarks/scripts/open-loop-timer.py [REPETITIONS] [OLD_JAR]
LOAD_TEST_JAR overrides this checkout's load-test/target/load-test.jar.
The server is the C epoll echo server that `load-test compare` builds (load-test/src/main/c/epoll_echo.c,
compiled here with cc -O2), on CPU 1; the generator on CPU 0. Each repetition runs, interleaved:
closed loop (ping-pong, one connection), open loop (--rate 1000, one connection) and the same with
--spin 0 (sleeping until each send) with this checkout's load-test.jar, and the open loop with OLD_JAR when given (a load-test.jar built from an
earlier commit, to show a change: the generator before the precise timer waited whole milliseconds).
Each run: 5 s warm-up, 10 s window. Prints p50/p99 of each, and this jar's send lateness. Loopback
only; the server it starts is stopped.
"""
import json, os, socket, subprocess, sys, tempfile, time

J = os.environ.get("JAVA", "java")
REPETITIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
OLD = sys.argv[2] if len(sys.argv) > 2 else None
NEW = os.environ.get("LOAD_TEST_JAR", "load-test/target/load-test.jar")

work = tempfile.mkdtemp(prefix="open-loop-")
server_binary = os.path.join(work, "epoll_echo")
subprocess.run(["cc", "-O2", "-o", server_binary, "load-test/src/main/c/epoll_echo.c"], check=True)
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
server = subprocess.Popen(["taskset", "-c", "1", server_binary, str(port)])
time.sleep(0.5)


def run(jar, label, extra):
    out = os.path.join(work, label + ".json")
    subprocess.run(["taskset", "-c", "0", J, "--enable-native-access=ALL-UNNAMED", "-jar", jar, "run", "--quiet",
                    "--target", f"127.0.0.1:{port}", "--connections", "1", "--warmup", "5s", "--duration", "10s",
                    "--json", out] + extra, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)


rows = []
try:
    for rep in range(1, REPETITIONS + 1):
        closed = run(NEW, f"closed-{rep}", [])
        rows.append((rep, "closed loop (this jar)", closed["latencyMicros"], None))
        opened = run(NEW, f"open-{rep}", ["--rate", "1000"])
        rows.append((rep, "open loop 1000/s (this jar)", opened["latencyMicros"], opened["latenessMicros"]))
        slept = run(NEW, f"nospin-{rep}", ["--rate", "1000", "--spin", "0"])
        rows.append((rep, "open loop 1000/s, --spin 0", slept["latencyMicros"], slept["latenessMicros"]))
        if OLD:
            old = run(OLD, f"old-{rep}", ["--rate", "1000"])
            rows.append((rep, "open loop 1000/s (OLD_JAR)", old["latencyMicros"], None))
finally:
    server.terminate()
    server.wait()

print(f"| # | run | p50 us | p99 us | lateness p50 us | lateness p99 us |")
print(f"|---|---|---:|---:|---:|---:|")
for rep, label, latency, lateness in rows:
    late = f"{lateness['p50']:.1f} | {lateness['p99']:.1f}" if lateness else "n/a | n/a"
    print(f"| {rep} | {label} | {latency['p50']:.1f} | {latency['p99']:.1f} | {late} |")
