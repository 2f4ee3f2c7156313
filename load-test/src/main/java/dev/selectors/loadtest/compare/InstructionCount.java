package dev.selectors.loadtest.compare;

import dev.selectors.loadtest.measure.PerfCounter;

/** How {@code compare} counts each server's instructions in a run. */
public enum InstructionCount {
    /** perf stat counts user and kernel instructions (hardware counters). */
    PERF,
    /** Every server runs under Valgrind's callgrind: user-space instructions, at reduced speed. */
    VALGRIND,
    /** Not counted. */
    NONE;

    /**
     * @return what this count means, for the report
     */
    public String note() {
        switch (this) {
            case PERF:
                return "perf counts user and kernel instructions";
            case VALGRIND:
                return "every server runs under Valgrind (callgrind), which counts its user-space instructions; "
                        + "msg/s, latency and CPU are not native speeds";
            default:
                String reason = PerfCounter.unavailableReason(PerfCounter.INSTRUCTIONS);
                return "instructions not counted" + (reason == null ? "" : " (" + reason + ")");
        }
    }
}
