package dev.selectors.loadtest.generator;

import java.time.Duration;

/**
 * One load to apply to one server, and how: the {@link Load} (what the connections do) with the
 * target, the timing and the generator's own settings.
 *
 * @param target      the echo server
 * @param load        what the connections do
 * @param warmup      how long to load before measuring
 * @param duration    how long to measure
 * @param connectRate connections opened per second, or 0 for all at once
 * @param threads     event loops of the generator
 * @param backend     the selector backend of the generator, or {@code auto}
 * @param spin        open loop: how long before each send the generator polls instead of sleeping
 *                    (zero: it sleeps until the send is due)
 */
public record Scenario(Target target, Load load, Duration warmup, Duration duration, double connectRate, int threads,
                       String backend, Duration spin) {

    /** The default {@link #spin}: covers the p99 of a timed wait's lateness on the machines measured. */
    public static final Duration DEFAULT_SPIN = Duration.ofNanos(200_000);

    /**
     * @return connections to open
     */
    public int connections() {
        return load.connections();
    }

    /**
     * @return message sizes
     */
    public SizeRange sizes() {
        return load.sizes();
    }

    /**
     * @return messages in flight per connection in a closed loop (0 when idle)
     */
    public int pipeline() {
        return load.pipeline();
    }

    /**
     * @return messages per second over all connections in an open loop, else 0
     */
    public double rate() {
        return load.rate();
    }

    /**
     * @param other another server
     * @return this scenario against it
     */
    public Scenario against(Target other) {
        return new Scenario(other, load, warmup, duration, connectRate, threads, backend, spin);
    }

    /**
     * @return a short description for report headers
     */
    public String describe() {
        return load.describe() + ", " + duration.toMillis() / 1000.0 + " s after " + warmup.toMillis() / 1000.0
                + " s warm-up";
    }
}
