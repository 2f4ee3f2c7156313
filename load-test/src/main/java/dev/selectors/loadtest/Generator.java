package dev.selectors.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Runs a {@link Scenario}: starts the generator loops, prints a live line each second, keeps the
 * measured window's latencies (warm-up excluded) in one histogram and, optionally, an
 * HdrHistogram log of one interval histogram per second, then stops the loops and gives owed
 * echoes a moment to arrive.
 */
public final class Generator {

    private static final Duration DRAIN = Duration.ofSeconds(2);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private Generator() {
    }

    /** Told when the measured window opens and closes, for measurements made beside the load. */
    public interface Window {
        /** The measured window opens (warm-up is over). */
        void opened();

        /**
         * The measured window closes (before the drain).
         *
         * @param messages the messages echoed in the window
         */
        void closed(long messages);

        /**
         * How long before the window opens {@link #settling()} is called (cut to the warm-up):
         * time for a measurement that disturbs the process, such as Valgrind switching its
         * instrumentation on, to let the JIT recompile what the change deoptimized.
         *
         * @return the lead; zero (the default) for no call
         */
        default Duration settle() {
            return Duration.ZERO;
        }

        /** {@link #settle()} before the window opens: start disturbing now. */
        default void settling() {
        }
    }

    private static final Window NO_WINDOW = new Window() {
        @Override
        public void opened() {
        }

        @Override
        public void closed(long messages) {
        }
    };

    /**
     * Applies the load and measures it.
     *
     * @param scenario the load
     * @param live     where the per-second line goes, or {@code null}
     * @param hlog     where interval histograms go, or {@code null}
     * @return what was measured
     * @throws IOException          a selector could not be opened, or the target does not resolve
     * @throws InterruptedException interrupted while running
     */
    public static RunResult run(Scenario scenario, PrintStream live, HistogramLogWriter hlog)
            throws IOException, InterruptedException {
        return run(scenario, live, hlog, NO_WINDOW);
    }

    /**
     * Applies the load and measures it, telling {@code window} when the measured window opens
     * and closes.
     *
     * @param scenario the load
     * @param live     where the per-second line goes, or {@code null}
     * @param hlog     where interval histograms go, or {@code null}
     * @param window   told when measuring starts and stops
     * @return what was measured
     * @throws IOException          a selector could not be opened, or the target does not resolve
     * @throws InterruptedException interrupted while running
     */
    public static RunResult run(Scenario scenario, PrintStream live, HistogramLogWriter hlog, Window window)
            throws IOException, InterruptedException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(scenario.target().host()),
                scenario.target().port());
        List<GeneratorLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < scenario.threads(); t++) {
            List<Integer> ids = new ArrayList<>();
            for (int id = t; id < scenario.connections(); id += scenario.threads()) {
                ids.add(id);
            }
            loops.add(new GeneratorLoop(scenario, ids, address, 0x5EED + t));
        }
        for (int t = 0; t < loops.size(); t++) {
            Thread thread = new Thread(loops.get(t), "load-test-" + t);
            threads.add(thread);
            thread.start();
        }
        try {
            return measure(scenario, live, hlog, window, loops, threads);
        } finally {
            // However measuring ended (a window callback may throw), no loop is left running.
            for (int t = 0; t < threads.size(); t++) {
                if (threads.get(t).isAlive()) {
                    loops.get(t).stop(Duration.ZERO);
                    threads.get(t).join(DRAIN.toMillis() + 5000);
                }
            }
        }
    }

    private static RunResult measure(Scenario scenario, PrintStream live, HistogramLogWriter hlog, Window window,
                                     List<GeneratorLoop> loops, List<Thread> threads)
            throws IOException, InterruptedException {
        if (hlog != null) {
            hlog.outputLogFormatVersion();
            hlog.outputLegend();
        }
        Intervals intervals = new Intervals(loops);
        long start = System.nanoTime();
        long warmupNanos = scenario.warmup().toNanos();
        long settleAt = start + Math.max(0, warmupNanos - window.settle().toNanos());
        boolean settling = window.settle().isZero();
        // Warm-up: load, show it, and do each second's work of the window on a histogram that
        // is thrown away, so that the window does not start with that code uncompiled.
        Histogram warmupTotal = IntervalRecorder.newHistogram();
        long[] previous = snapshot(loops);
        for (long step = start; step - start < warmupNanos; ) {
            if (!settling && step - settleAt >= 0) {
                window.settling();
                settling = true;
            }
            long next = Math.min(step + SECOND, Math.min(start + warmupNanos, settling ? Long.MAX_VALUE : settleAt));
            sleepUntil(next);
            long[] counts = snapshot(loops);
            Histogram interval = intervals.next();
            warmupTotal.add(interval);
            double p99 = p99Micros(interval);
            if (live != null) {
                live.println(liveLine(next - start, next - step, counts, previous, p99, true));
            }
            previous = counts;
            step = next;
        }
        if (!settling) {
            window.settling();
        }
        intervals.next();

        // Measurement: one interval histogram per second. What is made or first read only once
        // (the totals, the compiler's management bean) is made before the window opens, so
        // that counting from the window's start sees only the work of each second.
        Histogram total = IntervalRecorder.newHistogram();
        List<RunResult.Second> timeline = new ArrayList<>();
        long jitSince = JitTime.millis();
        window.opened();
        long measuringSince = System.nanoTime();
        long end = measuringSince + scenario.duration().toNanos();
        long[] baseline = snapshot(loops);
        previous = baseline;
        for (long step = measuringSince; step < end; ) {
            long next = Math.min(step + SECOND, end);
            sleepUntil(next);
            long[] counts = snapshot(loops);
            Histogram interval = intervals.next();
            total.add(interval);
            if (hlog != null) {
                long nowMillis = System.currentTimeMillis();
                interval.setStartTimeStamp(nowMillis - (next - step) / 1_000_000);
                interval.setEndTimeStamp(nowMillis);
                hlog.outputIntervalHistogram(interval);
            }
            double rate = (counts[LoopCounters.MESSAGES] - previous[LoopCounters.MESSAGES]) * 1e9 / (next - step);
            double p99 = p99Micros(interval);
            timeline.add(new RunResult.Second(timeline.size() + 1, rate, p99));
            if (live != null) {
                live.println(liveLine(next - start, next - step, counts, previous, p99, false));
            }
            previous = counts;
            step = next;
        }
        long measuredNanos = System.nanoTime() - measuringSince;
        long jitMillis = jitSince < 0 ? -1 : JitTime.millis() - jitSince;
        long[] finalCounts = snapshot(loops);
        window.closed(finalCounts[LoopCounters.MESSAGES] - baseline[LoopCounters.MESSAGES]);
        for (GeneratorLoop loop : loops) {
            loop.stop(DRAIN);
        }
        for (Thread thread : threads) {
            thread.join(DRAIN.toMillis() + 5000);
        }
        // Echoes that arrived while draining were sent inside the window: keep their latency.
        total.add(intervals.next());

        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            long count = loops.stream().mapToLong(loop -> loop.counters.errors(kind)).sum();
            errors.put(kind.label(), count);
        }
        long messages = finalCounts[LoopCounters.MESSAGES] - baseline[LoopCounters.MESSAGES];
        long bytes = finalCounts[LoopCounters.BYTES_RECEIVED] - baseline[LoopCounters.BYTES_RECEIVED];
        double seconds = measuredNanos / 1e9;
        return new RunResult(scenario.describe(), scenario.target().toString(), seconds, messages, bytes,
                messages / seconds, bytes / seconds / (1 << 20), Latency.percentiles(total), Latency.curve(total),
                errors, timeline, jitMillis);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /**
     * Each second's latencies, merged over the loops. The histograms are recycled: one second's
     * is valid until the next is taken, and taking one allocates nothing (a histogram is tens of
     * kilobytes of counts, and this runs beside the load).
     */
    private static final class Intervals {
        private final List<GeneratorLoop> loops;
        private final Histogram[] recycled;
        private final Histogram merged = IntervalRecorder.newHistogram();

        Intervals(List<GeneratorLoop> loops) {
            this.loops = loops;
            this.recycled = new Histogram[loops.size()];
            for (int i = 0; i < recycled.length; i++) {
                recycled[i] = IntervalRecorder.newHistogram();
            }
        }

        Histogram next() throws InterruptedException {
            for (int i = 0; i < recycled.length; i++) {
                recycled[i] = loops.get(i).latencies.take(recycled[i]);
            }
            if (recycled.length == 1) {
                return recycled[0];
            }
            merged.reset();
            for (Histogram interval : recycled) {
                merged.add(interval);
            }
            return merged;
        }
    }

    private static long[] snapshot(List<GeneratorLoop> loops) {
        long[] counts = new long[4];
        for (GeneratorLoop loop : loops) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += loop.counters.get(i);
            }
        }
        return counts;
    }

    private static double p99Micros(Histogram interval) {
        return interval.getTotalCount() == 0 ? 0 : Latency.micros(interval.getValueAtPercentile(99));
    }

    private static String liveLine(long elapsedNanos, long stepNanos, long[] counts, long[] previous, double p99Micros,
                                   boolean warming) {
        double perSecond = 1e9 / Math.max(1, stepNanos);
        double rate = (counts[LoopCounters.MESSAGES] - previous[LoopCounters.MESSAGES]) * perSecond;
        double mib = (counts[LoopCounters.BYTES_RECEIVED] - previous[LoopCounters.BYTES_RECEIVED]) * perSecond / (1 << 20);
        return String.format("[%4.0fs]%s %,12.0f msg/s %9.2f MiB/s  p99 %9.1f us  open %6d", elapsedNanos / 1e9,
                warming ? " warm-up" : "        ", rate, mib,
                p99Micros, counts[LoopCounters.OPEN_CONNECTIONS]);
    }
}
