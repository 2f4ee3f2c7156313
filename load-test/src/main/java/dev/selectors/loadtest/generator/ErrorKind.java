package dev.selectors.loadtest.generator;

/** What can go wrong with an echo, counted separately in every report. */
public enum ErrorKind {
    /** An echoed byte differs from the byte sent at that offset (or the server sent extra bytes). */
    MISMATCH("mismatch"),
    /** The server closed while echoed bytes were still owed. */
    SHORT_READ("short read"),
    /** The server closed a connection the generator still used, with nothing owed. */
    CLOSED("closed early"),
    /** The connection was reset (ECONNRESET, EPIPE). */
    RESET("reset"),
    /** The connect was refused (ECONNREFUSED). */
    REFUSED("refused"),
    /** The connect did not complete in time. */
    CONNECT_TIMEOUT("connect timeout"),
    /** Echoes still owed when the run ended and the drain time ran out. */
    TIMEOUT("echo timeout"),
    /** Any other socket error. */
    OTHER("other");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /**
     * @return the name reports use
     */
    public String label() {
        return label;
    }
}
