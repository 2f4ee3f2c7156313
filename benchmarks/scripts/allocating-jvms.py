#!/usr/bin/env python3
"""How many fresh JVMs compile epoll's select so that it allocates on every wait.

Usage (from the repository root, after mvn install with JDK 22+; Linux x86_64 or aarch64):
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 python3 benchmarks/scripts/allocating-jvms.py [RUNS]
Runs EpollSelectAllocationTest (0 heap bytes over 20,000 selects, best of five rounds, after
100,000) RUNS times (default 60) in each of three configurations, interleaved, each run a fresh
JVM started by hand (EpollSelectAllocationOnce.java, compiled here), as an application starts:
the FFM binding through syscall(2) (the default), through named C functions
(-Dselectors.syscalls=libc, the path of every FFM binding off Linux), and named C functions
with -XX:Tier3DelayOn=100000 (README, "Allocation and the JIT"). Prints, per configuration, the
JVMs whose selects allocated and how many bytes. Loopback socket pairs only; nothing is left
running.
"""
import argparse, os, subprocess, sys, tempfile


def positive(text):
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"not a positive number: {text!r}")
    return int(text)


ARGUMENTS = argparse.ArgumentParser(description="How many fresh JVMs compile epoll's select so that it allocates.")
ARGUMENTS.add_argument("runs", nargs="?", type=positive, default=60, help="fresh JVMs per configuration (default 60)")
CONFIGURATIONS = {
    "syscall(2)": [],
    "named functions": ["-Dselectors.syscalls=libc"],
    "named functions, -XX:Tier3DelayOn=100000": ["-Dselectors.syscalls=libc", "-XX:Tier3DelayOn=100000"],
}
MODULE = "selectors-linux"


def class_path(work):
    listed = os.path.join(work, "dependencies")
    subprocess.run(["mvn", "-B", "-o", "-q", "dependency:build-classpath", "-pl", MODULE,
                    "-Dmdep.outputFile=" + listed], check=True)
    with open(listed) as dependencies:
        entries = [f"{MODULE}/target/test-classes", f"{MODULE}/target/classes/META-INF/versions/22",
                   f"{MODULE}/target/classes", dependencies.read().strip()]
    return os.pathsep.join(entries)


def main():
    runs = ARGUMENTS.parse_args().runs
    if "JAVA_HOME" not in os.environ:
        ARGUMENTS.error("set JAVA_HOME to a JDK 22+ (the FFM binding)")
    bin_ = os.path.join(os.environ["JAVA_HOME"], "bin")
    with tempfile.TemporaryDirectory() as work:
        cp = class_path(work)
        classes = os.path.join(work, "classes")
        subprocess.run([os.path.join(bin_, "javac"), "-d", classes, "-cp", cp,
                        "benchmarks/scripts/EpollSelectAllocationOnce.java"], check=True)
        allocated = {name: [] for name in CONFIGURATIONS}
        for repetition in range(runs):
            for name, options in CONFIGURATIONS.items():
                out = subprocess.run([os.path.join(bin_, "java"), "--enable-native-access=ALL-UNNAMED"] + options
                                     + ["-cp", cp + os.pathsep + classes, "dev.selectors.linux.EpollSelectAllocationOnce"],
                                     capture_output=True, text=True)
                lines = [line for line in out.stdout.splitlines() if line.startswith("allocated ")]
                if out.returncode != 0 or not lines:
                    sys.exit(f"{name}: the run failed:\n{out.stdout[-2000:]}{out.stderr[-2000:]}")
                allocated[name].append(int(lines[-1].split()[1]))
            print(f"run {repetition + 1}/{runs}: " + ", ".join(
                f"{name} {sum(1 for b in bytes_ if b)}" for name, bytes_ in allocated.items()), flush=True)
    print()
    for name, bytes_ in allocated.items():
        failing = sorted(b for b in bytes_ if b)
        print(f"{name}: {len(failing)} of {runs} JVMs allocated" + (f" (bytes: {failing})" if failing else ""))


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("allocating-jvms.py: interrupted; the runs so far are printed above")
