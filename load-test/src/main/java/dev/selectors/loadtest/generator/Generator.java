package dev.selectors.loadtest.generator;

import dev.selectors.loadtest.measure.JitTime;
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

/**
 * Runs a {@link Scenario}: starts the generator loops, prints a live line each second, keeps the
 * measured window's latencies (warm-up excluded) in one histogram and, optionally, an
 * HdrHistogram log of one interval histogram per second, then stops the loops and gives owed
 * echoes a moment to arrive. Every message count of the result comes from the histograms, so the
 * report, the JSON and the log agree.
 */
public final class Generator {

    private static final Duration DRAIN = Duration.ofSeconds(2);
    /** After SIGINT or SIGTERM: the user is waiting. */
    private static final Duration INTERRUPTED_DRAIN = Duration.ofSeconds(1);
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
    public static RunResult run(Scenario scenario, PrintStream live, IntervalLog hlog)
            throws IOException, InterruptedException {
        return run(scenario, live, hlog, NO_WINDOW, new RunControl());
    }

    /**
     * Applies the load and measures it, telling {@code window} when the measured window opens
     * and closes, and ending early when {@code control} asks.
     *
     * @param scenario the load
     * @param live     where the per-second line goes, or {@code null}
     * @param hlog     where interval histograms go, or {@code null}
     * @param window   told when measuring starts and stops
     * @param control  asks for an early stop: the window then closes at once, and what is in
     *                 flight gets a second to arrive
     * @return what was measured
     * @throws IOException          a selector could not be opened, or the target does not resolve
     * @throws InterruptedException interrupted while running
     */
    public static RunResult run(Scenario scenario, PrintStream live, IntervalLog hlog, Window window, RunControl control)
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
            return new Measurement(scenario, live, hlog, window, control, loops, threads).measure();
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

    /** One run's reporter: the warm-up, the window second by second, the drain, the result. */
    private static final class Measurement {
        private final Scenario scenario;
        private final PrintStream live;
        private final IntervalLog hlog;
        private final Window window;
        private final RunControl control;
        private final List<GeneratorLoop> loops;
        private final List<Thread> threads;
        private final Intervals intervals;
        private final boolean openLoop;
        private final Recording total = new Recording();
        private final List<RunResult.Second> timeline = new ArrayList<>();
        private long start;
        private long intervalStartMillis;
        private long[] previous;

        Measurement(Scenario scenario, PrintStream live, IntervalLog hlog, Window window, RunControl control,
                    List<GeneratorLoop> loops, List<Thread> threads) {
            this.scenario = scenario;
            this.live = live;
            this.hlog = hlog;
            this.window = window;
            this.control = control;
            this.loops = loops;
            this.threads = threads;
            this.intervals = new Intervals(loops);
            this.openLoop = scenario.rate() > 0;
        }

        RunResult measure() throws IOException, InterruptedException {
            start = System.nanoTime();
            boolean stopped = warmUp();
            // The window opens with this take: what is recorded from here on is in it, and
            // nothing else; every message count below comes from these histograms.
            intervals.next();
            long jitSince = JitTime.millis();
            long measuringSince = System.nanoTime();
            intervalStartMillis = System.currentTimeMillis();
            long[] baseline = snapshot(loops);
            previous = baseline;
            if (!stopped) {
                window.opened();
                stopped = measureWindow(measuringSince);
            }
            long measuredNanos = timeline.isEmpty() ? 0 : System.nanoTime() - measuringSince;
            long jitMillis = jitSince < 0 ? -1 : JitTime.millis() - jitSince;
            long[] finalCounts = snapshot(loops);
            long windowMessages = total.messages();
            if (!timeline.isEmpty()) {
                window.closed(windowMessages);
            }
            Duration drain = control.stopRequested() ? INTERRUPTED_DRAIN : DRAIN;
            for (GeneratorLoop loop : loops) {
                loop.stop(drain);
            }
            for (Thread thread : threads) {
                thread.join(drain.toMillis() + 5000);
            }
            // Echoes that arrived while draining were sent before the window closed: their
            // latency counts (a server that stalls at the end must show it), apart from the rate.
            Recording drained = intervals.next();
            if (timeline.isEmpty()) {
                drained.reset();
            }
            total.add(drained);
            if (hlog != null && !timeline.isEmpty()) {
                hlog.interval(drained, intervalStartMillis, System.currentTimeMillis(), true, openLoop);
            }
            return result(measuredNanos, windowMessages, drained.messages(),
                    finalCounts[LoopCounters.BYTES_RECEIVED] - baseline[LoopCounters.BYTES_RECEIVED], jitMillis,
                    control.stopRequested());
        }

        /** Loads without measuring; true when a stop was asked for. */
        private boolean warmUp() throws InterruptedException {
            long warmupNanos = scenario.warmup().toNanos();
            long settleAt = start + Math.max(0, warmupNanos - window.settle().toNanos());
            boolean settling = window.settle().isZero();
            // Each second's work of the window, on a histogram thrown away, so that the window
            // does not start with that code uncompiled.
            Recording warmupTotal = new Recording();
            previous = snapshot(loops);
            for (long step = start; step - start < warmupNanos; ) {
                if (!settling && step - settleAt >= 0) {
                    window.settling();
                    settling = true;
                }
                long next = Math.min(step + SECOND, Math.min(start + warmupNanos, settling ? Long.MAX_VALUE : settleAt));
                if (control.sleepUntil(next)) {
                    return true;
                }
                long[] counts = snapshot(loops);
                Recording interval = intervals.next();
                warmupTotal.add(interval);
                if (live != null) {
                    live.println(liveLine(next - start, next - step, interval, counts, previous, true));
                }
                previous = counts;
                step = next;
            }
            if (!settling) {
                window.settling();
            }
            return false;
        }

        /** The window, one interval a second; true when a stop was asked for. */
        private boolean measureWindow(long measuringSince) throws InterruptedException {
            long end = measuringSince + scenario.duration().toNanos();
            for (long step = measuringSince; step < end; ) {
                long next = Math.min(step + SECOND, end);
                boolean stopped = control.sleepUntil(next);
                if (stopped) {
                    next = System.nanoTime();
                }
                long[] counts = snapshot(loops);
                Recording interval = intervals.next();
                total.add(interval);
                long nowMillis = System.currentTimeMillis();
                if (hlog != null) {
                    hlog.interval(interval, intervalStartMillis, nowMillis, false, openLoop);
                }
                intervalStartMillis = nowMillis;
                timeline.add(new RunResult.Second(timeline.size() + 1,
                        interval.messages() * 1e9 / Math.max(1, next - step), p99Micros(interval.latency)));
                if (live != null) {
                    live.println(liveLine(next - start, next - step, interval, counts, previous, false));
                }
                previous = counts;
                step = next;
                if (stopped) {
                    return true;
                }
            }
            return false;
        }

        private RunResult result(long measuredNanos, long windowMessages, long drained, long bytes, long jitMillis,
                                 boolean interrupted) {
            Map<String, Long> errors = new LinkedHashMap<>();
            for (ErrorKind kind : ErrorKind.values()) {
                long count = loops.stream().mapToLong(loop -> loop.counters.errors(kind)).sum();
                errors.put(kind.label(), count);
            }
            double seconds = measuredNanos / 1e9;
            double perSecond = seconds > 0 ? 1 / seconds : 0;
            return new RunResult(scenario.describe(), scenario.target().toString(), seconds, total.messages(), drained,
                    bytes, windowMessages * perSecond, bytes * perSecond / (1 << 20), Latency.percentiles(total.latency),
                    Latency.curve(total.latency), openLoop ? Latency.percentiles(total.uncorrected) : Map.of(),
                    openLoop ? Latency.percentiles(total.lateness) : Map.of(),
                    openLoop ? 1e6 / scenario.rate() : 0, errors, timeline, jitMillis, interrupted, List.of());
        }
    }

    /**
     * Each second's latencies, merged over the loops. The histograms are recycled: one second's
     * is valid until the next is taken, and taking one allocates nothing (a histogram is tens of
     * kilobytes of counts, and this runs beside the load).
     */
    private static final class Intervals {
        private final List<GeneratorLoop> loops;
        private final Recording[] recycled;
        private final Recording merged = new Recording();

        Intervals(List<GeneratorLoop> loops) {
            this.loops = loops;
            this.recycled = new Recording[loops.size()];
            for (int i = 0; i < recycled.length; i++) {
                recycled[i] = new Recording();
            }
        }

        Recording next() throws InterruptedException {
            for (int i = 0; i < recycled.length; i++) {
                recycled[i] = loops.get(i).latencies.take(recycled[i]);
            }
            if (recycled.length == 1) {
                return recycled[0];
            }
            merged.reset();
            for (Recording interval : recycled) {
                merged.add(interval);
            }
            return merged;
        }
    }

    private static long[] snapshot(List<GeneratorLoop> loops) {
        long[] counts = new long[LoopCounters.PUBLISHED];
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

    private static String liveLine(long elapsedNanos, long stepNanos, Recording interval, long[] counts,
                                   long[] previous, boolean warming) {
        double perSecond = 1e9 / Math.max(1, stepNanos);
        double rate = interval.messages() * perSecond;
        double p99Micros = p99Micros(interval.latency);
        double mib = (counts[LoopCounters.BYTES_RECEIVED] - previous[LoopCounters.BYTES_RECEIVED]) * perSecond / (1 << 20);
        return String.format("[%4.0fs]%s %,12.0f msg/s %9.2f MiB/s  p99 %9.1f us  open %6d", elapsedNanos / 1e9,
                warming ? " warm-up" : "        ", rate, mib,
                p99Micros, counts[LoopCounters.OPEN_CONNECTIONS]);
    }
}
