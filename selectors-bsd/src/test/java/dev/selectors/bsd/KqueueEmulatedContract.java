package dev.selectors.bsd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.selectors.Selector;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The contract on {@link KqueueSelector} against the emulation library of one layout; each
 * subclass names its layout and builds the library in {@code @BeforeAll}. Beyond the contract:
 * wake-ups go through EVFILT_USER where the system has it.
 */
abstract class KqueueEmulatedContract extends SelectorContract {

    /** @return the layout this class's emulation library implements */
    protected abstract KeventLayout layout();

    @Override
    protected Selector newSelector() throws IOException {
        return new KqueueSelector();
    }

    @Override
    protected boolean kernelChecksFdsOnRegister() {
        return true;
    }

    @Test
    void kqueueUsesTheSameBindingAsTheCLibrary() {
        String binding = dev.selectors.posix.Natives.libc().bindingName();
        String expected = binding.equals("ffm") ? "FfmKqueueBinding" : "JnaKqueueBinding";
        assertEquals(expected, Kqueue.binding().getClass().getSimpleName());
    }

    @Test
    void wakeupsUseEvfiltUserWhereTheSystemHasIt() throws IOException {
        try (KqueueSelector selector = new KqueueSelector()) {
            assertEquals(layout().evfiltUser() != 0, selector.wakesThroughUserFilter(), layout().name());
        }
    }
}
