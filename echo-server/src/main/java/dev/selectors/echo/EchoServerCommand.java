package dev.selectors.echo;

import dev.selectors.BackendUnavailableException;
import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.EchoExample;
import dev.selectors.posix.Natives;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * {@code echo-server}: the command line of the echo server. Every option can also be set by an
 * environment variable (for containers), named in {@code --help}.
 */
@Command(name = "echo-server", mixinStandardHelpOptions = true, versionProvider = EchoServerCommand.VersionText.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "The echo server of Python's selectors documentation, on selectors for the JVM. "
                + "Production mode (the default) never loses or reorders a byte; example mode is the "
                + "documented example line for line. SIGTERM or SIGINT stops it cleanly (exit 0).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped by SIGTERM or SIGINT", "1:failed while running (port in use, event loop error)",
                        "2:bad command line"})
public final class EchoServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", defaultValue = "${env:ECHO_HOST:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 or :: for every interface (default: ${DEFAULT-VALUE}; env ECHO_HOST).")
    private String host;

    @Option(names = "--port", defaultValue = "${env:ECHO_PORT:-1234}",
            description = "Port to listen on, as in the example; 0 picks a free one and the start line says which (default: ${DEFAULT-VALUE}; env ECHO_PORT).")
    private int port;

    @Option(names = "--backend", defaultValue = "${env:ECHO_BACKEND:-auto}",
            completionCandidates = BackendNames.class,
            description = "Selector backend: auto (the best available, or SELECTORS_BACKEND), or any backend on the class path, "
                    + "found through ServiceLoader: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; env ECHO_BACKEND).")
    private String backend;

    @Option(names = "--mode", defaultValue = "${env:ECHO_MODE:-production}",
            description = "production: no byte lost, backpressure, limits, metrics; example: the documented example line for line, printing every message (default: ${DEFAULT-VALUE}; env ECHO_MODE).")
    private String mode;

    @Option(names = "--threads", defaultValue = "${env:ECHO_THREADS:-1}",
            description = "Event loops, each with its own selector, sharing the port as --accept says; production mode only (default: ${DEFAULT-VALUE}; env ECHO_THREADS).")
    private int threads;

    @Option(names = "--accept", defaultValue = "${env:ECHO_ACCEPT:-handoff}",
            description = "How several loops share the port: handoff (one listening socket; the first loop accepts and hands connections to the loops in turn: an even share on every OS) or reuseport (a listening socket per loop, SO_REUSEPORT: Linux spreads connections by address hash, unevenly, and saves a wake-up per connection; FreeBSD, NetBSD and macOS do not spread them at all) (default: ${DEFAULT-VALUE}; env ECHO_ACCEPT).")
    private String accept;

    @Option(names = "--backlog", defaultValue = "${env:ECHO_BACKLOG:-1024}",
            description = "Listen backlog in production mode; example mode uses the example's 100 (default: ${DEFAULT-VALUE}; env ECHO_BACKLOG).")
    private int backlog;

    @Option(names = "--max-connections", defaultValue = "${env:ECHO_MAX_CONNECTIONS:-10000}",
            description = "Connections above this are accepted and closed at once, counted as refused (default: ${DEFAULT-VALUE}; env ECHO_MAX_CONNECTIONS).")
    private int maxConnections;

    @Option(names = "--idle-timeout", defaultValue = "${env:ECHO_IDLE_TIMEOUT:-none}",
            description = "Close connections silent for this long, e.g. 30s, 500ms, 2m; none to keep them (default: ${DEFAULT-VALUE}; env ECHO_IDLE_TIMEOUT).")
    private String idleTimeout;

    @Option(names = "--max-pending-bytes", defaultValue = "${env:ECHO_MAX_PENDING_BYTES:-1048576}",
            description = "Per connection: stop reading while more than this many received bytes wait to be echoed, resume below half (default: ${DEFAULT-VALUE}; env ECHO_MAX_PENDING_BYTES).")
    private int maxPendingBytes;

    @Option(names = "--buffer-size", defaultValue = "${env:ECHO_BUFFER_SIZE:-65536}",
            description = "Bytes read per recv, into one reused buffer per event loop (default: ${DEFAULT-VALUE}; env ECHO_BUFFER_SIZE).")
    private int bufferSize;

    @Option(names = "--metrics-port", defaultValue = "${env:ECHO_METRICS_PORT:-off}",
            description = "Serve Prometheus metrics on http://HOST:PORT/metrics, liveness on /health (503 when an event loop does not turn within 1 s) and readiness on /ready (503 once draining); off by default (env ECHO_METRICS_PORT).")
    private String metricsPort;

    @Option(names = "--drain-timeout", defaultValue = "${env:ECHO_DRAIN_TIMEOUT:-5s}",
            description = "On SIGTERM or SIGINT (production mode): stop accepting, echo nothing new, finish sending what was received, shut each connection's write side (clients read EOF, not a reset), and exit 0 when all are closed or after this long, closing what remains; a second signal stops at once (default: ${DEFAULT-VALUE}, below Docker's 10 s grace; env ECHO_DRAIN_TIMEOUT).")
    private String drainTimeout;
    private Duration drainAfter;

    private final PrintStream out;
    private final PrintStream err;

    EchoServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the server until SIGTERM or SIGINT.
     *
     * @param args the command line; {@code --help} explains it
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(new EchoServerCommand(out, err));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, badArgs) -> {
            e.getCommandLine().getErr().println("echo-server: " + blameEnvironment(e.getMessage(), args, System.getenv())
                    + " (see --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println("echo-server: failed: " + e);
            return 1;
        });
        return commandLine.execute(args);
    }

    /**
     * An option's error names the environment variable that set it, when the command line did
     * not: in a container the value comes from {@code ECHO_*}, and "--port" alone misleads.
     */
    static String blameEnvironment(String message, String[] args, Map<String, String> environment) {
        Matcher option = OPTION.matcher(message);
        if (!option.find()) {
            return message;
        }
        String name = option.group();
        for (String arg : args) {
            if (arg.equals(name) || arg.startsWith(name + "=")) {
                return message;
            }
        }
        String variable = "ECHO_" + name.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        String value = environment.get(variable);
        return value == null ? message : message + " (set by the environment variable " + variable + "=" + value + ")";
    }

    private static final Pattern OPTION = Pattern.compile("--[a-z]+(?:-[a-z]+)*");

    @Override
    public Integer call() throws Exception {
        ServerConfig config = validate();
        Throwable nativeProblem = Natives.unavailabilityCause();
        if (nativeProblem != null) {
            err.println("echo-server: no native binding: " + nativeProblem.getMessage());
            return 1;
        }
        try {
            return config.mode() == ServerConfig.Mode.EXAMPLE ? runExample(config) : runProduction(config);
        } catch (BackendUnavailableException | IllegalArgumentException e) {
            // A backend that does not exist on this system (kqueue on Linux) or does not work here.
            throw new ParameterException(spec.commandLine(), "--backend " + backend + ": " + e.getMessage());
        } catch (MetricsEndpoint.PortException e) {
            err.println("echo-server: cannot serve metrics on " + urlHost(host) + ":" + e.port() + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("echo-server: cannot serve on " + urlHost(host) + ":" + port + ": " + e.getMessage());
            return 1;
        }
    }

    private ServerConfig validate() {
        ServerConfig.Mode parsedMode = choice("--mode", mode, ServerConfig.Mode.class);
        String backendName = backend.trim().toLowerCase(java.util.Locale.ROOT);
        List<String> known = BackendNames.all();
        if (!known.contains(backendName)) {
            throw bad("--backend must be one of " + String.join(", ", known) + ", not '" + backend + "'");
        }
        ServerConfig.Accept parsedAccept = choice("--accept", accept, ServerConfig.Accept.class);
        check(port >= 0 && port <= 65535, "--port must be 0-65535, not " + port);
        check(threads >= 1 && threads <= 256, "--threads must be 1-256, not " + threads);
        check(backlog >= 1, "--backlog must be at least 1, not " + backlog);
        check(maxConnections >= 1, "--max-connections must be at least 1, not " + maxConnections);
        check(maxPendingBytes >= 1, "--max-pending-bytes must be at least 1, not " + maxPendingBytes);
        check(bufferSize >= 1 && bufferSize <= (64 << 20), "--buffer-size must be 1-67108864, not " + bufferSize);
        check(!host.isBlank(), "--host must not be empty");
        Duration idle = null;
        if (!idleTimeout.equalsIgnoreCase("none")) {
            try {
                idle = Durations.parse(idleTimeout);
            } catch (IllegalArgumentException e) {
                throw bad("--idle-timeout: " + e.getMessage());
            }
            check(!idle.isZero(), "--idle-timeout must be positive, or none");
        }
        try {
            drainAfter = Durations.parse(drainTimeout);
        } catch (IllegalArgumentException e) {
            throw bad("--drain-timeout: " + e.getMessage());
        }
        int metrics = -1;
        if (!metricsPort.equalsIgnoreCase("off")) {
            try {
                metrics = Integer.parseInt(metricsPort.trim());
            } catch (NumberFormatException e) {
                throw bad("--metrics-port must be a port number or off, not '" + metricsPort + "'");
            }
            check(metrics >= 0 && metrics <= 65535, "--metrics-port must be 0-65535, not " + metrics);
        }
        if (parsedMode == ServerConfig.Mode.EXAMPLE) {
            check(threads == 1, "--threads applies to production mode only; the example has one loop");
            check(metrics < 0, "--metrics-port applies to production mode only; the example has no metrics");
        }
        return new ServerConfig.Builder().host(host.trim()).port(port).backend(backendName).mode(parsedMode)
                .threads(threads).backlog(backlog).maxConnections(maxConnections).idleTimeout(idle)
                .maxPendingBytes(maxPendingBytes).bufferSize(bufferSize).metricsPort(metrics).accept(parsedAccept)
                .build();
    }

    /** An option whose values are an enum's constants, written in lower case. */
    private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(java.util.Locale.ROOT);
            if (name.equals(value.trim().toLowerCase(java.util.Locale.ROOT))) {
                return constant;
            }
            names.add(name);
        }
        throw bad(option + " must be " + String.join(" or ", names) + ", not '" + value + "'");
    }

    private void check(boolean condition, String message) {
        if (!condition) {
            throw bad(message);
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A host as a URL writes it: {@code [::1]} for IPv6. */
    static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** For the start line: for example "ffm binding, direct system calls". */
    private static String binding() {
        return Natives.libc().bindingName() + " binding, " + Natives.libc().callPath();
    }

    private int runProduction(ServerConfig config) throws IOException, InterruptedException {
        try (EchoServer server = EchoServer.start(config, err)) {
            onTerminationSignal(() -> {
                if (server.stopping()) {
                    server.stop();
                } else {
                    server.drain(drainAfter);
                }
            });
            out.println("echo-server " + dev.selectors.Version.describe() + ": production mode, backend " + server.backendName() + " (" + binding()
                    + "), listening on " + urlHost(config.host()) + ":" + server.port() + ", " + config.threads()
                    + (config.threads() == 1 ? " thread" : " threads")
                    + (config.threads() == 1 ? "" : config.accept() == ServerConfig.Accept.REUSEPORT
                            ? " (SO_REUSEPORT)" : " (one acceptor handing off)")
                    + (server.metricsPort() >= 0 ? ", metrics on http://" + urlHost(config.host()) + ":" + server.metricsPort()
                            + "/metrics" : ""));
            out.flush();
            server.awaitTermination();
        }
        return 0;
    }

    private int runExample(ServerConfig config) throws IOException {
        try (Selector sel = Selectors.open(config.backend())) {
            EchoExample example = new EchoExample(sel, config.host(), config.port(), out);
            onTerminationSignal(example::stop);
            out.println("echo-server " + dev.selectors.Version.describe() + ": example mode, backend " + sel.backendName() + " (" + binding()
                    + "), listening on " + urlHost(config.host()) + ":" + example.port() + ", 1 thread");
            out.flush();
            example.serveForever();
        }
        return 0;
    }

    /** SIGTERM (docker stop) and SIGINT (Ctrl-C) stop the server, which then exits 0. */
    private static void onTerminationSignal(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException unavailable) {
                // -Xrs or an embedding JVM: the default handling (exit 143/130) remains.
            }
        }
    }

    /** {@code --version}: the version and commit the build wrote into the jar, and the JVM. */
    static final class VersionText implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"echo-server " + dev.selectors.Version.describe(), dev.selectors.Version.runtime()};
        }
    }
}
