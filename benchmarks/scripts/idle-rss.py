#!/usr/bin/env python3
"""Resident memory of the FFM echo server and the JDK NIO server with 1,000 idle connections.

Usage (from the repository root, after mvn install with JDK 22+; x86_64 Linux):
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java python3 benchmarks/scripts/idle-rss.py [REPETITIONS]
Three servers: ours (FFM binding), the JDK NIO server, and the JDK NIO server after linking and
calling one FFM downcall (FfmThenJdkNio.java, compiled here), which isolates the FFM linker's
fixed cost. Every JVM runs with the flags `load-test compare` gives (-Xms256m -Xmx256m).
VmRSS and the Java heap's resident part (pmap) are read 3 s after the connections opened;
repetitions interleaved (default 3). Loopback only; every server it starts is stopped.
"""
import os, re, socket, subprocess, sys, tempfile, time

J = os.environ.get("JAVA", "java")
REPETITIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
FLAGS = ["-Xms256m", "-Xmx256m", "--enable-native-access=ALL-UNNAMED"]
LOAD_TEST = "load-test/target/load-test.jar"


def servers(classes):
    return {
        "ours-ffm": FLAGS + ["-jar", "echo-server/target/echo-server.jar", "--port", "0"],
        "jdk-nio": FLAGS + ["-cp", LOAD_TEST, "dev.selectors.loadtest.servers.JdkNioEchoServer", "--port", "0"],
        "jdk-nio+1ffm": FLAGS + ["-cp", LOAD_TEST + os.pathsep + classes, "FfmThenJdkNio", "--port", "0"],
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


def measure(name, args):
    server = subprocess.Popen([J] + args, stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"127\.0\.0\.1:(\d+)", server.stdout.readline()).group(1))
        clients = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(1000)]
        try:
            time.sleep(3)
            total, heap = resident_kib(server.pid)
            print(f"{name:13s} {total / 1024:6.1f} MiB with 1,000 idle connections "
                  f"(Java heap {heap / 1024:5.1f}, the rest {(total - heap) / 1024:5.1f})", flush=True)
        finally:
            for client in clients:
                client.close()
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def main():
    with tempfile.TemporaryDirectory() as classes:
        javac = os.path.join(os.path.dirname(J), "javac") if os.sep in J else "javac"
        subprocess.run([javac, "-cp", LOAD_TEST, "-d", classes, "benchmarks/scripts/FfmThenJdkNio.java"], check=True)
        for _ in range(REPETITIONS):
            for name, args in servers(classes).items():
                measure(name, args)


if __name__ == "__main__":
    main()
