package dev.selectors.loadtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The executable jars keep every bundled library's licence and notice files, byte for byte,
 * under {@code META-INF/licenses/<jar>/}, and carry the project's own LICENSE and NOTICE. Each
 * library is found on this test's class path (load-test's runtime dependencies include
 * echo-server's); one counts as bundled when its first class is in the executable jar.
 */
class ExecutableJarLicensesIT {

    /** The files the build's unpack-dependencies execution keeps (the parent POM). */
    private static final Pattern LICENCE_FILE =
            Pattern.compile("META-INF/(LICENSE|NOTICE|[^/]*-LICENSE|[^/]*-NOTICE)[^/]*|META-INF/(license|LICENSE)/.+");

    @ParameterizedTest
    @ValueSource(strings = {"echo.server.jar", "load.test.jar"})
    void everyBundledLicenceIsKept(String property) throws IOException {
        String path = System.getProperty(property);
        assertNotNull(path, property + " is set by the failsafe configuration");
        Path root = Path.of(System.getProperty("project.root"));
        int kept = 0;
        try (ZipFile executable = new ZipFile(path)) {
            assertArrayEquals(Files.readAllBytes(root.resolve("LICENSE")), read(executable, "META-INF/LICENSE"),
                    "META-INF/LICENSE is the project's");
            assertArrayEquals(Files.readAllBytes(root.resolve("NOTICE")), read(executable, "META-INF/NOTICE"),
                    "META-INF/NOTICE is the project's");
            System.out.println(new File(path).getName() + " carries:");
            for (File library : classPathJars()) {
                try (ZipFile jar = new ZipFile(library)) {
                    if (isOurs(jar) || !bundles(executable, jar)) {
                        continue;
                    }
                    List<String> licences = licenceFiles(jar);
                    String folder = "META-INF/licenses/" + library.getName().replaceAll("\\.jar$", "-jar") + "/";
                    for (String licence : licences) {
                        assertArrayEquals(read(jar, licence), read(executable, folder + licence),
                                library.getName() + "'s " + licence + " is kept as " + folder + licence);
                        kept++;
                    }
                    System.out.println("  " + library.getName() + ": "
                            + (licences.isEmpty() ? "no licence file in its jar (its POM names the licence; see the SBOM)"
                            : String.join(", ", licences)));
                }
            }
        }
        assertTrue(kept > 0, "the jar bundles libraries with licence files (Jackson, Micrometer, JNA), so some are kept");
    }

    private static List<File> classPathJars() {
        List<File> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(new File(entry));
            }
        }
        return jars;
    }

    private static boolean isOurs(ZipFile jar) {
        return jar.stream().anyMatch(e -> e.getName().startsWith("META-INF/maven/dev.selectors/"));
    }

    private static boolean bundles(ZipFile executable, ZipFile library) {
        return library.stream()
                .map(ZipEntry::getName)
                .filter(name -> name.endsWith(".class") && !name.contains("module-info") && !name.startsWith("META-INF/"))
                .findFirst()
                .map(name -> executable.getEntry(name) != null)
                .orElse(false);
    }

    private static List<String> licenceFiles(ZipFile jar) {
        List<String> names = new ArrayList<>();
        jar.stream().filter(e -> !e.isDirectory() && LICENCE_FILE.matcher(e.getName()).matches())
                .forEach(e -> names.add(e.getName()));
        return names;
    }

    private static byte[] read(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(name);
        assertNotNull(entry, zip.getName() + " has " + name);
        try {
            return zip.getInputStream(entry).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
