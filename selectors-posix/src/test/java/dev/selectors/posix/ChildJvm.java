package dev.selectors.posix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts a class's {@code main} in a child JVM with this JVM's class path, binding and call path, for tests
 * that need a fresh process (environment variables, signals, forced bindings). Shared with the
 * other modules' tests through this module's test-jar.
 */
public final class ChildJvm {

    /** The binding and, for FFM on Linux, its call path (LinuxSyscalls.PROPERTY, a Java 22 class). */
    private static final List<String> INHERITED = List.of(Natives.NATIVE_PROPERTY, "selectors.syscalls");

    private ChildJvm() {
    }

    /**
     * @param jvmOptions options such as {@code -Dselectors.native=ffm}
     * @param mainClass  the class to run
     * @param args       its arguments
     * @return a builder for the command; start it, and stop what it starts
     */
    public static ProcessBuilder builder(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = java(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command);
    }

    /**
     * @param jvmOptions options such as {@code -Dselectors.native=ffm}
     * @param jar        an executable jar
     * @param args       its arguments
     * @return a builder for {@code java -jar}; start it, and stop what it starts
     */
    public static ProcessBuilder jar(List<String> jvmOptions, java.nio.file.Path jar, String... args) {
        List<String> command = java(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command);
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 22) {
            // JNA's System.load and the FFM Linker are restricted methods: no warning on stderr.
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        for (String property : INHERITED) {
            String value = System.getProperty(property);
            boolean given = jvmOptions.stream().anyMatch(o -> o.startsWith("-D" + property + "="));
            if (value != null && !value.isEmpty() && !given) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(jvmOptions);
        return command;
    }
}
