#!/usr/bin/env python3
"""The load generator's own user-space instructions per message, per thread, under callgrind.

Usage (from the repository root, after mvn install with JDK 22+; Valgrind and cc installed):
    JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java python3 benchmarks/scripts/generator-instructions.py [RUNS]

Each run: the C epoll echo server (load-test/src/main/c/epoll_echo.c, the matrix's floor) on
CPU 1, and `load-test run` (100 connections, 64 B ping-pong, 150 s warm-up, 10 s window) under
`valgrind --tool=callgrind --separate-threads=yes` on CPU 0, counting itself with
--callgrind-out (instrumentation switched on 20 s before the window, counters zeroed when it
opens). Prints the whole process per message and each thread's share: the event loop, the
reporter (main thread: a fixed cost per second, smaller per message the faster the generator
runs) and the JIT compilers. Loopback only; both processes are stopped; about 4 minutes a run.
"""
import glob, os, re, shutil, subprocess, sys, tempfile, time

J = os.environ.get("JAVA", "java")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
# Valgrind cannot decode C2's vmaxpd/vminpd (VEX.W=1) for Math.max/min of doubles: see README.
JVM_FLAGS = ["-XX:+UnlockDiagnosticVMOptions", "-XX:DisableIntrinsic=_maxD,_minD"]
JAR = os.path.abspath("load-test/target/load-test.jar")
COMPILER = re.compile(r"CompileBroker::invoke_compiler_on_method|CompileBroker::compiler_thread_loop")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_run(work, n):
    out = os.path.join(work, f"run{n}")
    os.makedirs(out)
    port = free_port()
    server = subprocess.Popen(["taskset", "-c", "1", os.path.join(work, "epoll_echo"), str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        prefix = os.path.join(out, "gen")
        run = subprocess.run(["taskset", "-c", "0", "valgrind", "--tool=callgrind", "--instr-atstart=no",
                              "--separate-threads=yes", "--smc-check=all-non-file",
                              f"--callgrind-out-file={prefix}.%p", J] + JVM_FLAGS +
                             ["-jar", JAR, "run", "--target", f"127.0.0.1:{port}",
                              "--connections", "100", "--size", "64", "--warmup", "150s", "--duration", "10s",
                              "--quiet", "--callgrind-out", prefix],
                             cwd=out, capture_output=True, text=True, timeout=1200)
    finally:
        server.terminate()
        server.wait(10)
    measured = re.search(r"measured\s+\S+ s: ([\d,]+) messages", run.stdout)
    if not measured:
        sys.exit(f"run {n}: no measurement; the generator said:\n{run.stdout[-2000:]}{run.stderr[-2000:]}")
    messages = int(measured.group(1).replace(",", ""))
    threads = []
    for dump in glob.glob(prefix + ".*.1-*"):
        text = open(dump, errors="replace").read()
        total = int(re.search(r"(?m)^summary:\s+(\d+)", text).group(1))
        if total:
            threads.append((total, bool(COMPILER.search(text))))
    threads.sort(reverse=True)
    whole = sum(t for t, _ in threads)
    jit = sum(t for t, compiler in threads if compiler)
    others = [t for t, compiler in threads if not compiler]
    loop, rest = others[0], sum(others[1:])
    print(f"run {n}: {messages / 10:,.0f} msg/s under Valgrind; per message: whole process {whole / messages:,.0f}"
          f" = event loop {loop / messages:,.0f} + other Java threads (reporter) {rest / messages:,.0f}"
          f" + JIT compilers {jit / messages:,.0f}", flush=True)


def main():
    work = tempfile.mkdtemp(prefix="gen-instr-")
    try:
        subprocess.run(["cc", "-O2", "-o", os.path.join(work, "epoll_echo"), "load-test/src/main/c/epoll_echo.c"],
                       check=True)
        for n in range(1, RUNS + 1):
            one_run(work, n)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
