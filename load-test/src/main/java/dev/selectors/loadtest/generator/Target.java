package dev.selectors.loadtest.generator;

/**
 * Where the echo server listens: {@code HOST:PORT}, {@code [IPv6]:PORT}.
 *
 * @param host a name or literal address
 * @param port the port
 */
public record Target(String host, int port) {

    /**
     * Parses a target.
     *
     * @param text for example {@code 127.0.0.1:1234} or {@code [::1]:1234}
     * @return the target
     * @throws IllegalArgumentException the text is not HOST:PORT
     */
    public static Target parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT, e.g. 127.0.0.1:1234 or [::1]:1234");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, e.g. [::1]:1234");
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the port is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "': the port must be 1-65535");
        }
        return new Target(host, port);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
