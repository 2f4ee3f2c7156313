package dev.selectors.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.Selector;
import dev.selectors.posix.PosixConstants;
import dev.selectors.posix.SelectSelector;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** select(2) cannot watch fds at or above FD_SETSIZE: refused at register, as CPython's select.select refuses them. */
class SelectSelectorLimitsTest {

    @Test
    void anFdAtOrAboveFdSetsizeIsRefusedAtRegister() throws IOException {
        try (Selector selector = new SelectSelector()) {
            int fd = PosixConstants.FD_SETSIZE;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> selector.register(fd, Selector.EVENT_READ));
            assertTrue(e.getMessage().contains("FD_SETSIZE (" + fd + ")"), e.getMessage());
            assertTrue(selector.getMap().isEmpty());
        }
    }
}
