#!/usr/bin/env python3
"""Resident memory of the FFM echo server and the JDK NIO server with 1,000 idle connections.

Usage (from the repository root, after mvn install with JDK 22+; x86_64 Linux):
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java python3 benchmarks/scripts/idle-rss.py [REPETITIONS]
    JAVA=... python3 benchmarks/scripts/idle-rss.py --aot [REPETITIONS]
Three servers: ours (FFM binding), the JDK NIO server, and the JDK NIO server after linking and
calling one FFM downcall (FfmThenJdkNio.java, compiled here), which isolates the FFM linker's
fixed cost. Every JVM runs with the flags `load-test compare` gives (-Xms256m -Xmx256m).
VmRSS and the Java heap's resident part (pmap) are read 3 s after the connections opened;
repetitions interleaved (default 3). With --aot, ours and the JDK NIO server each first train
an AOT cache (JDK 25: -XX:AOTCacheOutput, on a run with 1,000 connections and some echoes) and
are then measured with it (-XX:AOTCache). Loopback only; every server it starts is stopped.
"""
import os, re, signal, socket, subprocess, sys, tempfile, time

J = os.environ.get("JAVA", "java")
AOT = "--aot" in sys.argv[1:]
NUMBERS = [a for a in sys.argv[1:] if a != "--aot"]
REPETITIONS = int(NUMBERS[0]) if NUMBERS else 3
FLAGS = ["-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"]
LOAD_TEST = "load-test/target/load-test.jar"


def servers(classes):
    return {
        "ours-ffm": ["-cp", "echo-server/target/echo-server.jar", "dev.selectors.echo.EchoServerCommand", "--port", "0"],
        "jdk-nio": ["-cp", LOAD_TEST, "dev.selectors.loadtest.servers.JdkNioEchoServer", "--port", "0"],
        "jdk-nio+1ffm": ["-cp", LOAD_TEST + os.pathsep + classes, "FfmThenJdkNio", "--port", "0"],
    }


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        total = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    # With -Xmx256m and compressed oops the heap is the anonymous memory in the 256 MiB just
    # below 4 GiB (the CDS archive's heap objects are mapped from a file there, for every JVM).
    pmap = subprocess.run(["pmap", "-x", str(pid)], capture_output=True, text=True).stdout
    heap = 0
    for fields in (line.split() for line in pmap.splitlines()):
        if len(fields) > 5 and re.fullmatch(r"[0-9a-f]{16}", fields[0]) and "anon" in " ".join(fields[5:]) \
                and 0xF0000000 <= int(fields[0], 16) < 0x100000000:
            heap += int(fields[2])
    return total, heap


def run(args, echoes=0):
    """Starts a server, opens 1,000 connections, echoes on the first few; returns (RSS, heap) in KiB."""
    server = subprocess.Popen([J] + FLAGS + args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in server.stdout:  # the JVM may print warnings before the start line
            found = re.search(r"127\.0\.0\.1:(\d+)", line)
            if found:
                break
        else:
            raise SystemExit(f"no start line from {args}")
        clients = [socket.create_connection(("127.0.0.1", int(found.group(1))), timeout=5) for _ in range(1000)]
        try:
            for client in clients[:echoes]:
                client.sendall(b"x" * 64)
                client.recv(64)
            time.sleep(3)
            return resident_kib(server.pid)
        finally:
            for client in clients:
                client.close()
    finally:
        # SIGTERM, so that a training run writes its AOT cache on the way out.
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(120)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def report(name, resident):
    total, heap = resident
    print(f"{name:22s} {total / 1024:6.1f} MiB with 1,000 idle connections "
          f"(Java heap {heap / 1024:5.1f}, the rest {(total - heap) / 1024:5.1f})", flush=True)


def main():
    with tempfile.TemporaryDirectory() as work:
        javac = os.path.join(os.path.dirname(J), "javac") if os.sep in J else "javac"
        subprocess.run([javac, "-cp", LOAD_TEST, "-d", work, "benchmarks/scripts/FfmThenJdkNio.java"], check=True)
        variants = servers(work)
        if AOT:
            for name in ("ours-ffm", "jdk-nio"):
                cache = os.path.join(work, name + ".aot")
                run([f"-XX:AOTCacheOutput={cache}"] + variants[name], echoes=100)
                if not os.path.exists(cache):
                    raise SystemExit(f"{name}: no AOT cache was written (JDK 25 or newer needed)")
            variants = {name + " (AOT cache)": [f"-XX:AOTCache={os.path.join(work, name + '.aot')}"] + args
                        for name, args in variants.items() if name != "jdk-nio+1ffm"}
        for _ in range(REPETITIONS):
            for name, args in variants.items():
                report(name, run(args))


if __name__ == "__main__":
    main()
