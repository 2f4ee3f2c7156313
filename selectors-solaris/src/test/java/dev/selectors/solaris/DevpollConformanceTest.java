package dev.selectors.solaris;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.Selector;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on {@link DevpollSelector}, against the emulation library. */
class DevpollConformanceTest extends SelectorContract {

    @BeforeAll
    static void useEmulation() throws IOException, InterruptedException {
        SolarisEmulation.use();
    }

    @Test
    void theBindingIsTheSameAsTheCLibrarys() {
        String binding = dev.selectors.posix.Natives.libc().bindingName();
        assertEquals(binding.equals("ffm") ? "FfmSolarisBinding" : "JnaSolarisBinding",
                Solaris.binding().getClass().getSimpleName());
    }

    @Override
    protected Selector newSelector() throws IOException {
        return new DevpollSelector();
    }

    @Test
    void filenoIsTheDevpollHandle() throws IOException {
        try (DevpollSelector selector = new DevpollSelector()) {
            // The emulation's /dev/poll handle is an eventfd; on illumos it is the /dev/poll device.
            assertEquals("anon_inode:[eventfd]", Files.readSymbolicLink(Path.of("/proc/self/fd/" + selector.fileno())).toString());
        }
    }
}
