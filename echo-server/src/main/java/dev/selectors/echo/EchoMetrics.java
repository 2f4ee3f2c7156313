package dev.selectors.echo;

import com.sun.net.httpserver.HttpHandler;
import dev.selectors.echo.LoopStats.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The echo server's Micrometer meters, in a Prometheus registry. Counters are read from the
 * loops' {@link LoopStats} when scraped, so counting costs the loops nothing extra; only the
 * per-select distribution and timer are recorded as they happen.
 */
final class EchoMetrics implements AutoCloseable {

    /**
     * Buckets of the ready-keys distribution: powers of two up to 65,536, 17 and +Inf. A
     * percentile histogram would export 276, up to 4.2e18, for a count that rarely passes a few
     * thousand.
     */
    private static final double[] READY_KEYS_BUCKETS = readyKeysBuckets();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final LoopMeters loopMeters;

    EchoMetrics(String backend) {
        registry.config().commonTags("backend", backend);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        loopMeters = new LoopMeters(
                DistributionSummary.builder("echo.select.ready.keys")
                        .description("Ready keys returned by one select call")
                        .serviceLevelObjectives(READY_KEYS_BUCKETS).register(registry),
                Timer.builder("echo.select.blocked")
                        .description("Time spent inside select, waiting and dispatching")
                        .register(registry));
    }

    private static double[] readyKeysBuckets() {
        double[] buckets = new double[17];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = 1L << i;
        }
        return buckets;
    }

    LoopMeters loopMeters() {
        return loopMeters;
    }

    /** Publishes the loops' counters. */
    void bind(List<EventLoop> loops) {
        counter(loops, "echo.connections.accepted", "Connections accepted", stats -> stats.get(Counter.ACCEPTED));
        counter(loops, "echo.connections.closed", "Connections closed", stats -> stats.get(Counter.CLOSED));
        counter(loops, "echo.connections.refused", "Connections refused over --max-connections", stats -> stats.get(Counter.REFUSED));
        counter(loops, "echo.connections.reset", "Connections ended by a socket error (ECONNRESET, EPIPE...)", stats -> stats.get(Counter.RESETS));
        counter(loops, "echo.connections.idle.closed", "Connections closed by --idle-timeout", stats -> stats.get(Counter.IDLE_CLOSED));
        bytes(loops, "echo.received", "Bytes received", stats -> stats.get(Counter.BYTES_IN));
        bytes(loops, "echo.sent", "Bytes echoed", stats -> stats.get(Counter.BYTES_OUT));
        counter(loops, "echo.select.calls", "Select calls", stats -> stats.get(Counter.SELECTS));
        counter(loops, "echo.accept.backoffs", "Times accepting paused (EMFILE, ENFILE, ENOBUFS)", stats -> stats.get(Counter.ACCEPT_BACKOFFS));
        Gauge.builder("echo.connections.active", loops, all -> sum(all, LoopStats::active))
                .description("Connections open now").register(registry);
        Gauge.builder("echo.pending.bytes", loops, all -> sum(all, stats -> stats.get(Counter.PENDING_BYTES)))
                .description("Bytes received and not yet echoed").baseUnit("bytes").register(registry);
        for (int i = 0; i < loops.size(); i++) {
            Gauge.builder("echo.loop.connections.active", loops.get(i), loop -> loop.stats.active())
                    .tag("loop", String.valueOf(i))
                    .description("Connections open now on one event loop: how evenly the loops share them")
                    .register(registry);
        }
    }

    private void counter(List<EventLoop> loops, String name, String description, ToLongFunction<LoopStats> value) {
        FunctionCounter.builder(name, loops, all -> sum(all, value)).description(description).register(registry);
    }

    /** A byte counter, named with its unit as Prometheus expects: {@code echo_received_bytes_total}. */
    private void bytes(List<EventLoop> loops, String name, String description, ToLongFunction<LoopStats> value) {
        FunctionCounter.builder(name, loops, all -> sum(all, value)).description(description).baseUnit("bytes")
                .register(registry);
    }

    private static double sum(List<EventLoop> loops, ToLongFunction<LoopStats> value) {
        long total = 0;
        for (EventLoop loop : loops) {
            total += value.applyAsLong(loop.stats);
        }
        return total;
    }

    /**
     * @return the Prometheus client's handler of {@code /metrics} over these meters
     */
    HttpHandler handler() {
        return new MetricsHandler(registry.getPrometheusRegistry());
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    /** What a loop records per select. */
    static final class LoopMeters {
        private final DistributionSummary readyKeys;
        private final Timer blocked;

        LoopMeters(DistributionSummary readyKeys, Timer blocked) {
            this.readyKeys = readyKeys;
            this.blocked = blocked;
        }

        void selected(int ready, long nanos) {
            readyKeys.record(ready);
            blocked.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
