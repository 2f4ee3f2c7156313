package dev.selectors.solaris;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.posix.Socket;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on {@link EventPortSelector}, against the emulation library, and its one-shot rule. */
class EventPortConformanceTest extends SelectorContract {

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
        return new EventPortSelector();
    }

    @Override
    protected boolean kernelChecksFdsOnRegister() {
        return true;
    }

    @Test
    void aReportedFdIsAssociatedAgainSoTheNextSelectSeesItToo() throws IOException {
        // Event ports are one-shot: without re-association the second select would see nothing.
        try (Selector selector = newSelector(); Socket.Pair pair = Socket.socketpair()) {
            selector.register(pair.first(), Selector.EVENT_WRITE);
            for (int i = 0; i < 3; i++) {
                List<ReadyKey> ready = selector.select(Duration.ofSeconds(1));
                assertEquals(1, ready.size(), "select " + i);
            }
        }
    }
}
