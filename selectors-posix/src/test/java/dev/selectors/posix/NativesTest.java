package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which binding {@link Natives} chooses, and what forcing one does. */
class NativesTest {

    private static boolean ffmBuilt() {
        return NativesTest.class.getClassLoader().getResource("dev/selectors/posix/ffm/FfmLibC.class") != null;
    }

    @Test
    void theBindingFollowsTheJavaVersionUnlessForced() {
        String forced = System.getProperty(Natives.NATIVE_PROPERTY, "auto");
        assertNull(Natives.unavailabilityCause());
        String expected = forced.equals("auto")
                ? (Runtime.version().feature() >= 22 && ffmBuilt() ? "ffm" : "jna")
                : forced;
        assertEquals(expected, Natives.libc().bindingName());
    }

    @Test
    void forcingFfmOnJava17IsAClearError() throws IOException, InterruptedException {
        assumeTrue(Runtime.version().feature() < 22, "this JVM supports FFM");
        Process child = ChildJvm.builder(java.util.List.of("-Dselectors.native=ffm"), PrintBinding.class)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, child.waitFor());
        assertTrue(output.startsWith("selectors.native=ffm needs Java 22 or newer; this is Java "), output);
    }

    /** Run in a child JVM. */
    public static final class PrintBinding {
        public static void main(String[] args) {
            Throwable cause = Natives.unavailabilityCause();
            System.out.println(cause == null ? Natives.libc().bindingName() : cause.getMessage());
        }
    }
}
