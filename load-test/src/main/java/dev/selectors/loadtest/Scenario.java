package dev.selectors.loadtest;

import java.time.Duration;

/**
 * One load to apply.
 *
 * @param target      the echo server
 * @param connections connections to open
 * @param sizes       message sizes
 * @param pipeline    messages in flight per connection (1 = ping-pong, 0 = idle connections); ignored with a rate
 * @param rate        messages per second over all connections (open loop), or 0 for closed loop
 * @param warmup      how long to load before measuring
 * @param duration    how long to measure
 * @param connectRate connections opened per second, or 0 for all at once
 * @param threads     event loops of the generator
 * @param backend     the selector backend of the generator, or {@code auto}
 */
public record Scenario(Target target, int connections, SizeRange sizes, int pipeline, double rate,
                       Duration warmup, Duration duration, double connectRate, int threads, String backend) {

    /** @return a short description for report headers */
    public String describe() {
        String load = rate > 0 ? String.format("open loop %.0f msg/s", rate)
                : pipeline == 0 ? "idle" : pipeline == 1 ? "ping-pong" : "pipeline " + pipeline;
        return load + ", " + connections + (connections == 1 ? " connection, " : " connections, ") + sizes
                + ", " + duration.toMillis() / 1000.0 + " s after " + warmup.toMillis() / 1000.0 + " s warm-up";
    }
}
