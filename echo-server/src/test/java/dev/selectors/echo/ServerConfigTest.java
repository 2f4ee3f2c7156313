package dev.selectors.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every copy goes through the one builder: it changes what it is asked and nothing else. */
class ServerConfigTest {

    @Test
    void theDefaultsAreTheCommandLines() {
        assertEquals(new ServerConfig("127.0.0.1", 1234, "auto", ServerConfig.Mode.PRODUCTION, 1, 1024, 10_000, null,
                1 << 20, 64 << 10, -1, ServerConfig.Accept.HANDOFF), ServerConfig.defaults());
    }

    @Test
    void aCopyChangesOnlyWhatItNames() {
        ServerConfig all = new ServerConfig.Builder().host("::1").port(7).backend("poll").mode(ServerConfig.Mode.EXAMPLE)
                .threads(3).backlog(5).maxConnections(9).idleTimeout(Duration.ofSeconds(2)).maxPendingBytes(11)
                .bufferSize(13).metricsPort(17).accept(ServerConfig.Accept.REUSEPORT).build();
        assertEquals(all, all.toBuilder().build());
        assertEquals(new ServerConfig("::1", 8, "poll", ServerConfig.Mode.EXAMPLE, 3, 5, 9, Duration.ofSeconds(2), 11, 13,
                17, ServerConfig.Accept.REUSEPORT), all.withPort(8));
        assertEquals(new ServerConfig("::1", 7, "poll", ServerConfig.Mode.EXAMPLE, 3, 5, 20, null, 11, 13, 17,
                ServerConfig.Accept.REUSEPORT), all.withLimits(20, null));
        assertEquals(new ServerConfig("::1", 7, "poll", ServerConfig.Mode.EXAMPLE, 3, 5, 9, Duration.ofSeconds(2), 21, 22,
                17, ServerConfig.Accept.HANDOFF), all.withBuffers(21, 22).withAccept(ServerConfig.Accept.HANDOFF));
    }
}
