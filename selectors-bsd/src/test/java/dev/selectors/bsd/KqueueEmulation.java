package dev.selectors.bsd;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds src/test/native/kqueue_emulation.c for one layout with the system cc, and points the
 * kqueue backend at it (through {@link Kqueue}'s test-only properties). Tests that need it are
 * skipped, saying why, where no C compiler exists.
 */
final class KqueueEmulation {

    private KqueueEmulation() {
    }

    /** Builds the library for {@code layout} and makes this JVM's kqueue backend use it. */
    static void use(KeventLayout layout) throws IOException, InterruptedException {
        Path library = build(layout);
        System.setProperty(Kqueue.LIBRARY_PROPERTY, library.toString());
        System.setProperty(Kqueue.LAYOUT_PROPERTY, layout.name());
    }

    /**
     * The numbers the emulation is built with for {@code layout} (struct sizes and offsets,
     * filter and flag constants, the width of kevent's counts), from kqueue_probe.c.
     */
    static Map<String, Long> probe(KeventLayout layout) throws IOException, InterruptedException {
        Path cc = compiler();
        Path source = Path.of(System.getProperty("kqueue.probe.source", "src/test/native/kqueue_probe.c"));
        Path dir = Path.of(System.getProperty("kqueue.emulation.dir", "target/kqueue-emulation"));
        Files.createDirectories(dir);
        Path probe = dir.resolve("kqueue-probe-" + layout.name());
        run(List.of(cc.toString(), "-O0", "-Wall", "-Werror", "-DLAYOUT_" + layout.name().toUpperCase(Locale.ROOT),
                "-o", probe.toString(), source.toString()), "cc failed for the probe of " + layout.name());
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (String line : run(List.of(probe.toString()), "the probe of " + layout.name() + " failed").split("\n")) {
            String[] pair = line.trim().split(" ");
            numbers.put(pair[0], Long.parseLong(pair[1]));
        }
        return numbers;
    }

    private static String run(List<String> command, String failure) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(failure + ":\n" + output);
        }
        return output;
    }

    private static Path compiler() {
        assumeTrue(dev.selectors.posix.OsFamily.CURRENT == dev.selectors.posix.OsFamily.LINUX,
                "the kqueue emulation is built on Linux epoll; on a BSD, KqueueRealKernelConformanceTest runs instead");
        Path cc = Path.of("/usr/bin/cc");
        assumeTrue(Files.isExecutable(cc), "no C compiler (/usr/bin/cc): the kqueue emulation cannot be built, "
                + "so kqueue is not tested here");
        return cc;
    }

    static Path build(KeventLayout layout) throws IOException, InterruptedException {
        Path cc = compiler();
        Path source = Path.of(System.getProperty("kqueue.emulation.source", "src/test/native/kqueue_emulation.c"));
        Path dir = Path.of(System.getProperty("kqueue.emulation.dir", "target/kqueue-emulation"));
        Files.createDirectories(dir);
        Path library = dir.resolve("libkqueue-" + layout.name() + ".so");
        if (Files.exists(library) && Files.getLastModifiedTime(library).compareTo(Files.getLastModifiedTime(source)) > 0) {
            return library;
        }
        Process compile = new ProcessBuilder(cc.toString(), "-shared", "-fPIC", "-O2", "-Wall", "-Werror",
                "-DLAYOUT_" + layout.name().toUpperCase(Locale.ROOT), "-o", library.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (compile.waitFor() != 0) {
            throw new IOException("cc failed for layout " + layout.name() + ":\n" + output);
        }
        return library;
    }
}
