#!/usr/bin/env python3
"""How evenly the echo server's event loops share connections, --accept reuseport against handoff.

Usage (from the repository root, after mvn install): python3 benchmarks/scripts/accept-balance.py [THREADS]
JAVA and ECHO_JAR override the java command and the server jar. For 2, 4, 8, 100 and 1,000
connections it opens them (each echoes one byte, so its loop has it), reads the per-loop gauge
echo_loop_connections_active from the metrics endpoint, and closes them. Loopback only; every
server it starts is stopped.
"""
import os, re, socket, subprocess, sys, time, urllib.request
J = os.environ.get("JAVA", "java")
JAR = os.environ.get("ECHO_JAR", "echo-server/target/echo-server.jar")

def start(accept, threads):
    p = subprocess.Popen([J, "-jar", JAR, "--port", "0", "--threads", str(threads), "--accept", accept,
                          "--metrics-port", "0"], stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    port = int(re.search(r"listening on 127.0.0.1:(\d+)", line).group(1))
    mport = int(re.search(r"metrics on http://127.0.0.1:(\d+)", line).group(1))
    return p, port, mport

def per_loop(mport):
    text = urllib.request.urlopen(f"http://127.0.0.1:{mport}/metrics", timeout=5).read().decode()
    return [int(float(v)) for v in re.findall(r'echo_loop_connections_active\{[^}]*loop="\d+"[^}]*\} (\S+)', text)]

def trial(port, mport, n):
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"x"); s.recv(1)  # echoed: the owning loop has it registered
        socks.append(s)
    counts = per_loop(mport)
    for s in socks:
        s.close()
    deadline = time.time() + 5
    while sum(per_loop(mport)) and time.time() < deadline:
        time.sleep(0.02)
    return counts

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
for accept in ("reuseport", "handoff"):
    p, port, mport = start(accept, threads)
    try:
        for n in (2, 4, 8, 100, 1000):
            trials = 20 if n <= 100 else 3
            results = [trial(port, mport, n) for _ in range(trials)]
            spread = [max(c) - min(c) for c in results]
            even = sum(1 for s in spread if s <= n % threads)
            print(f"{accept:9s} threads {threads} conns {n:5d}: {even}/{trials} trials evenly split; "
                  f"max-min per trial {spread}")
    finally:
        p.terminate(); p.wait(10)
