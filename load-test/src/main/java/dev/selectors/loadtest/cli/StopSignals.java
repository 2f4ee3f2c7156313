package dev.selectors.loadtest.cli;

import dev.selectors.loadtest.generator.RunControl;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM during {@code run}: the first asks the run to stop, so that it
 * still prints its summary and writes every report it was asked for, as wrk and k6 do; a second
 * one ends the process at once with 128 + the signal's number, as a shell expects. The JVM's
 * own handlers are put back by {@link #close()}.
 */
final class StopSignals implements AutoCloseable {

    private static final List<String> NAMES = List.of("INT", "TERM");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    /**
     * Installs the handlers.
     *
     * @param control told to stop on the first signal
     * @param err     where the one line about it goes
     * @return the installation; close it when the run is over
     */
    static StopSignals install(RunControl control, PrintStream err) {
        StopSignals installed = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            SignalHandler handler = caught -> {
                if (control.stopRequested()) {
                    Runtime.getRuntime().halt(128 + caught.getNumber());
                }
                err.println("load-test: SIG" + caught.getName() + ": stopping; the summary and reports follow "
                        + "(send it again to quit at once)");
                control.requestStop();
            };
            installed.previous.add(Signal.handle(signal, handler));
            installed.signals.add(signal);
        }
        return installed;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
