package dev.selectors.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.Backend;
import dev.selectors.BackendUnavailableException;
import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.ChildJvm;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Selectors}: discovery, the default choice, forcing by name. */
class SelectorsFactoryTest {

    @AfterEach
    void clearForcing() {
        System.clearProperty(Selectors.BACKEND_PROPERTY);
    }

    @Test
    void backendsListsEveryProviderBestFirstWithAvailability() {
        List<Backend> backends = Selectors.backends();
        List<String> names = backends.stream().map(Backend::name).collect(Collectors.toList());

        assertEquals(List.of("never", "poll", "select"), names);
        assertFalse(backends.get(0).available());
        assertEquals(NeverAvailableProvider.REASON, backends.get(0).reason());
        assertTrue(backends.get(1).available());
        assertTrue(backends.get(2).available());
    }

    @Test
    void openChoosesTheBestAvailableBackend() throws IOException {
        try (Selector selector = Selectors.open()) {
            assertEquals("poll", selector.backendName());
        }
        assertEquals("poll", Selectors.defaultBackendName());
    }

    @Test
    void openByNameOpensThatBackend() throws IOException {
        try (Selector selector = Selectors.open(" SELECT ")) {
            assertEquals("select", selector.backendName());
        }
    }

    @Test
    void theSystemPropertyForcesABackend() throws IOException {
        System.setProperty(Selectors.BACKEND_PROPERTY, "select");
        try (Selector selector = Selectors.open()) {
            assertEquals("select", selector.backendName());
        }
        System.setProperty(Selectors.BACKEND_PROPERTY, "auto");
        try (Selector selector = Selectors.open()) {
            assertEquals("poll", selector.backendName());
        }
    }

    @Test
    void openByTheNameAutoHonoursTheForcedBackend() throws IOException {
        // What the echo server and the load generator do with their default --backend auto.
        System.setProperty(Selectors.BACKEND_PROPERTY, "select");
        try (Selector selector = Selectors.open("auto")) {
            assertEquals("select", selector.backendName());
        }
        assertEquals("select", Selectors.defaultBackendName());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selectors.open("iouring"));

        assertEquals("unknown selector backend 'iouring'; known: auto, never, poll, select", e.getMessage());
    }

    @Test
    void forcingAnUnavailableBackendSaysWhy() {
        System.setProperty(Selectors.BACKEND_PROPERTY, "never");

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class, Selectors::open);
        assertEquals("selector backend 'never' is unavailable: " + NeverAvailableProvider.REASON, e.getMessage());
        assertThrows(BackendUnavailableException.class, Selectors::defaultBackendName);
    }

    @Test
    void theEnvironmentVariableForcesABackendWhenThePropertyIsUnset() throws Exception {
        ProcessBuilder builder = ChildJvm.builder(List.of(), PrintDefaultBackend.class);
        builder.environment().put(Selectors.BACKEND_ENV, "select");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes()).trim();

        assertEquals(0, process.waitFor(), output);
        assertEquals("select", output);
    }

    /** Run in a child JVM by the environment-variable test. */
    public static final class PrintDefaultBackend {
        public static void main(String[] args) throws IOException {
            try (Selector selector = Selectors.open()) {
                System.out.println(selector.backendName());
            }
        }
    }
}
