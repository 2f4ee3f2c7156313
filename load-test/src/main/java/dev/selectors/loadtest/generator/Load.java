package dev.selectors.loadtest.generator;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * What the connections do: the one grammar and the one label of a load, for {@code run}'s
 * options and {@code compare}'s {@code --scenario} alike.
 *
 * <p>The grammar is {@code MODE:CONNECTIONS:SIZE}: {@code pingpong:100:64},
 * {@code pipeline16:100:4k}, {@code rate50000:100:64-4k} (open loop, messages per second over
 * all connections), {@code idle:1000:0} (connections that send nothing; the size is ignored).
 *
 * @param mode        how messages are sent
 * @param connections connections to open, at least 1
 * @param sizes       message sizes
 * @param pipeline    messages in flight per connection: 1 for ping-pong, N for a pipeline, 0
 *                    when idle; unused in an open loop
 * @param rate        messages per second over all connections in an open loop; 0 otherwise
 */
public record Load(Mode mode, int connections, SizeRange sizes, int pipeline, double rate) {

    private static final java.util.regex.Pattern FORMAT =
            java.util.regex.Pattern.compile("(pingpong|pipeline(\\d+)|rate(\\d+(?:\\.\\d+)?)|idle):(\\d+):(.+)");

    /** How messages are sent. */
    public enum Mode {
        /** Each connection sends a message and waits for its whole echo (closed loop). */
        PINGPONG,
        /** Each connection keeps N messages in flight (closed loop). */
        PIPELINE,
        /** Messages leave at a fixed rate whatever the echoes do; latency from the intended send time. */
        OPEN_LOOP,
        /** Connections that send nothing: what they cost the server at rest. */
        IDLE
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException a value is out of range; the message says which
     */
    public Load {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + connections);
        }
        if (mode == Mode.PIPELINE && pipeline < 1 || mode == Mode.PINGPONG && pipeline != 1) {
            throw new IllegalArgumentException("a pipeline must be at least 1, not " + pipeline);
        }
        if (mode == Mode.OPEN_LOOP != rate > 0) {
            throw new IllegalArgumentException("an open loop needs a rate above 0, and only an open loop has one");
        }
    }

    /**
     * @return ping-pong on {@code connections} connections
     */
    public static Load pingPong(int connections, SizeRange sizes) {
        return new Load(Mode.PINGPONG, connections, sizes, 1, 0);
    }

    /**
     * Parses {@code MODE:CONNECTIONS:SIZE}.
     *
     * @param text for example {@code pipeline16:100:4k}
     * @return the load
     * @throws IllegalArgumentException the text is not a load; the message says what is wrong
     */
    public static Load parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not MODE:CONNECTIONS:SIZE with MODE pingpong, "
                    + "pipelineN, rateR or idle, e.g. pipeline16:100:4k, rate50000:100:64 or idle:1000:0");
        }
        int connections;
        try {
            connections = Integer.parseInt(matcher.group(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': too many connections");
        }
        String mode = matcher.group(1);
        if (mode.equals("idle")) {
            return new Load(Mode.IDLE, connections, new SizeRange(1, 1), 0, 0);
        }
        SizeRange sizes = SizeRange.parse(matcher.group(5));
        if (mode.equals("pingpong")) {
            return pingPong(connections, sizes);
        }
        if (matcher.group(2) != null) {
            return new Load(Mode.PIPELINE, connections, sizes, Integer.parseInt(matcher.group(2)), 0);
        }
        return new Load(Mode.OPEN_LOOP, connections, sizes, 1, Double.parseDouble(matcher.group(3)));
    }

    /**
     * @return the short label of tables and file names, such as {@code pipeline16 100x4096 B}
     */
    public String label() {
        switch (mode) {
            case IDLE:
                return "idle " + connections + " connections";
            case OPEN_LOOP:
                return String.format(Locale.ROOT, "rate%.0f %dx%s", rate, connections, sizes);
            case PIPELINE:
                return "pipeline" + pipeline + " " + connections + "x" + sizes;
            default:
                return "pingpong " + connections + "x" + sizes;
        }
    }

    /**
     * @return the load in words, such as {@code open loop 1000 msg/s, 1 connection, 64 B}
     */
    public String describe() {
        String how = mode == Mode.OPEN_LOOP ? String.format(Locale.ROOT, "open loop %.0f msg/s", rate)
                : mode == Mode.IDLE ? "idle" : mode == Mode.PINGPONG ? "ping-pong" : "pipeline " + pipeline;
        return how + ", " + connections + (connections == 1 ? " connection, " : " connections, ") + sizes;
    }
}
