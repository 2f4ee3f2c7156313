package dev.selectors.loadtest.generator;

/**
 * Where the generator hands each interval of the window as it closes, and the drain after it:
 * the {@code --hlog} of a run.
 */
public interface IntervalLog {

    /**
     * One second of the window, or the drain after it.
     *
     * @param recording   what was recorded in it (valid only during the call)
     * @param startMillis its start, milliseconds since the epoch
     * @param endMillis   its end
     * @param drain       whether it is the drain after the window
     * @param openLoop    whether the uncorrected latency and the lateness were recorded too
     */
    void interval(Recording recording, long startMillis, long endMillis, boolean drain, boolean openLoop);
}
