package dev.selectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Not in Python: which build of this library is running, for bug reports and start lines. The
 * build writes both values into the jar; nothing is typed by hand.
 */
public final class Version {

    private static final Properties BUILD = load();

    private Version() {
    }

    /**
     * The artifact version, as in the Maven coordinates {@code dev.selectors:selectors-api:VERSION}.
     *
     * @return for example {@code 0.1.0}
     */
    public static String number() {
        return BUILD.getProperty("version");
    }

    /**
     * The git commit the jar was built from.
     *
     * @return the full commit id, or empty when the build had no git checkout (a source archive)
     */
    public static Optional<String> commit() {
        String commit = BUILD.getProperty("commit", "unknown");
        return commit.matches("[0-9a-f]{7,64}") ? Optional.of(commit) : Optional.empty();
    }

    /**
     * The version and, when known, the first twelve digits of the commit.
     *
     * @return for example {@code 0.1.0 (commit 1a2b3c4d5e6f)}, or {@code 0.1.0}
     */
    public static String describe() {
        return number() + commit().map(id -> " (commit " + id.substring(0, Math.min(12, id.length())) + ")").orElse("");
    }

    /**
     * The JVM and system this runs on, for the second line of a bug report.
     *
     * @return for example {@code Java 25+36-LTS (Eclipse Adoptium), Linux amd64}
     */
    public static String runtime() {
        return "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/selectors/version.properties is missing from the selectors-api jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/selectors/version.properties", e);
        }
        return properties;
    }
}
