package dev.selectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The version texts come from the build: the POM's version, and the commit of the checkout. */
class VersionTest {

    @Test
    void theNumberIsTheArtifactVersion() {
        assertEquals(System.getProperty("selectors.project.version"), Version.number());
    }

    @Test
    void theCommitIsTheCheckoutsHead() throws IOException, InterruptedException {
        Optional<String> head = gitHead();
        assertEquals(head, Version.commit(), "built from a git checkout exactly when git knows a HEAD here");
        assertEquals(Version.number() + head.map(id -> " (commit " + id.substring(0, 12) + ")").orElse(""),
                Version.describe());
    }

    @Test
    void theRuntimeNamesTheJvmAndTheSystem() {
        String runtime = Version.runtime();
        assertTrue(runtime.startsWith("Java " + Runtime.version() + " ("), runtime);
        assertTrue(runtime.endsWith(System.getProperty("os.name") + " " + System.getProperty("os.arch")), runtime);
    }

    /** The commit of the checkout the build ran in, when there is one and git is installed. */
    private static Optional<String> gitHead() throws IOException, InterruptedException {
        Process git;
        try {
            git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        } catch (IOException noGit) {
            return Optional.empty();
        }
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(git.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        return git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }
}
