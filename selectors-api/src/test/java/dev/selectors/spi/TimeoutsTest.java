package dev.selectors.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    @Test
    void noneBlocksZeroAndNegativePoll() {
        assertEquals(Timeouts.INFINITE, Timeouts.toNanos(null));
        assertEquals(0, Timeouts.toNanos(Duration.ZERO));
        assertEquals(0, Timeouts.toNanos(Duration.ofMillis(-5)));
        assertEquals(Long.MAX_VALUE, Timeouts.toNanos(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void millisecondsRoundUpNeverDownToABusyLoop() {
        assertEquals(-1, Timeouts.toMillisRoundingUp(Timeouts.INFINITE));
        assertEquals(0, Timeouts.toMillisRoundingUp(0));
        assertEquals(1, Timeouts.toMillisRoundingUp(1));
        assertEquals(1, Timeouts.toMillisRoundingUp(1_000_000));
        assertEquals(2, Timeouts.toMillisRoundingUp(1_000_001));
        assertEquals(Integer.MAX_VALUE, Timeouts.toMillisRoundingUp(Long.MAX_VALUE));
    }

    @Test
    void remainingTimeShrinksAndStopsAtZero() {
        long deadline = Timeouts.deadline(50_000_000);
        long remaining = Timeouts.remaining(50_000_000, deadline);
        assertTrue(remaining > 0 && remaining <= 50_000_000);
        assertEquals(0, Timeouts.remaining(1, Timeouts.deadline(1) - 1_000_000));
        assertEquals(Timeouts.INFINITE, Timeouts.remaining(Timeouts.INFINITE, 0));
    }
}
