#!/usr/bin/env python3
"""What accepting costs the echo server: CPU time and system calls per connection, --accept reuseport against handoff.

Usage (from the repository root, after mvn install): python3 benchmarks/scripts/accept-churn.py [THREADS] [CONNECTIONS]
JAVA and ECHO_JAR override the java command and the server jar. Each connection connects, has
one byte echoed, and closes, one after another; 5,000 warm up, then CONNECTIONS (20,000) are
measured: the server's CPU time from /proc (10 ms ticks) and its system calls from perf's
raw_syscalls:sys_enter tracepoint (no hardware counter needed; the count runs ~0.3 s longer than
the window, while the server is idle). The server runs on CPU 1 (taskset), three repetitions
interleaved. Loopback only; every server it starts is stopped.
"""
import os, re, socket, subprocess, sys, time
J = os.environ.get("JAVA", "java")
JAR = os.environ.get("ECHO_JAR", "echo-server/target/echo-server.jar")
TICK = 100.0

def cpu(pid):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / TICK

def churn(port, n):
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"x"); s.recv(1); s.close()

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rows = []
for rep in range(3):
    for accept in ("reuseport", "handoff"):
        p = subprocess.Popen(["taskset", "-c", "1", J, "-jar", JAR, "--port", "0", "--threads", str(threads),
                              "--accept", accept], stdout=subprocess.PIPE, text=True)
        port = int(re.search(r"listening on 127.0.0.1:(\d+)", p.stdout.readline()).group(1))
        try:
            churn(port, 5000)  # warm-up
            perf = subprocess.Popen(["perf", "stat", "-x,", "-e", "raw_syscalls:sys_enter", "-p", str(p.pid)],
                                    stderr=subprocess.PIPE, text=True)
            time.sleep(0.3)
            c0 = cpu(p.pid); t0 = time.time()
            churn(port, n)
            c1 = cpu(p.pid); t1 = time.time()
            perf.send_signal(2); err = perf.communicate()[1]
            calls = int(re.search(r"^(\d+),", err, re.M).group(1))
            rows.append((accept, rep, (c1 - c0) * 1e6 / n, calls / n, n / (t1 - t0)))
            print(f"{accept:9s} rep {rep}: server CPU {(c1 - c0) * 1e6 / n:6.1f} us/conn, "
                  f"{calls / n:5.2f} syscalls/conn, {n / (t1 - t0):7.0f} conn/s", flush=True)
        finally:
            p.terminate(); p.wait(10)
