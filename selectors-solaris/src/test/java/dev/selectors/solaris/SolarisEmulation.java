package dev.selectors.solaris;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.posix.OsFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds src/test/native/solaris_emulation.c with the system cc and points the Solaris
 * backends at it ({@link Solaris#LIBRARY_PROPERTY}). Tests that need it are skipped, saying
 * why, where no C compiler exists or the system is not Linux.
 */
final class SolarisEmulation {

    private SolarisEmulation() {
    }

    static void use() throws IOException, InterruptedException {
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX, "the Solaris emulation is built on Linux poll and epoll");
        Path cc = Path.of("/usr/bin/cc");
        assumeTrue(Files.isExecutable(cc), "no C compiler (/usr/bin/cc): the /dev/poll and event-port emulation "
                + "cannot be built, so those backends are not tested here");
        Path source = Path.of(System.getProperty("solaris.emulation.source", "src/test/native/solaris_emulation.c"));
        Path dir = Path.of(System.getProperty("solaris.emulation.dir", "target/solaris-emulation"));
        Files.createDirectories(dir);
        Path library = dir.resolve("libsolaris-emulation.so");
        if (!Files.exists(library) || Files.getLastModifiedTime(library).compareTo(Files.getLastModifiedTime(source)) < 0) {
            Process compile = new ProcessBuilder(cc.toString(), "-shared", "-fPIC", "-O2", "-Wall", "-Werror",
                    "-o", library.toString(), source.toString()).redirectErrorStream(true).start();
            String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (compile.waitFor() != 0) {
                throw new IOException("cc failed:\n" + output);
            }
        }
        System.setProperty(Solaris.LIBRARY_PROPERTY, library.toString());
    }
}
