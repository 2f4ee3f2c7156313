#!/usr/bin/env python3
"""Resident memory of the FFM echo server and the JDK NIO server with 1,000 idle connections.

Usage (from the repository root, after mvn install with JDK 22+):
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java python3 benchmarks/scripts/idle-rss.py
Both servers run with the flags `load-test compare` gives every JVM (-Xms256m -Xmx256m); VmRSS
is read 3 s after the connections opened, twice per server, interleaved. Loopback only; every
server it starts is stopped.
"""
import os, re, socket, subprocess, time

J = os.environ.get("JAVA", "java")
FLAGS = ["-Xms256m", "-Xmx256m"]
SERVERS = {
    "ours-ffm": FLAGS + ["--enable-native-access=ALL-UNNAMED", "-jar", "echo-server/target/echo-server.jar", "--port", "0"],
    "jdk-nio": FLAGS + ["-cp", "load-test/target/load-test.jar", "dev.selectors.loadtest.servers.JdkNioEchoServer",
                        "--port", "0"],
}


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def measure(name, args):
    server = subprocess.Popen([J] + args, stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r"127\.0\.0\.1:(\d+)", server.stdout.readline()).group(1))
        clients = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(1000)]
        try:
            time.sleep(3)
            print(f"{name:10s} {rss_mib(server.pid):6.1f} MiB with 1,000 idle connections", flush=True)
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


for repetition in range(2):
    for name, args in SERVERS.items():
        measure(name, args)
