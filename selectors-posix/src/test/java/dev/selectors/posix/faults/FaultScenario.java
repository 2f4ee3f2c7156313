package dev.selectors.posix.faults;

import static dev.selectors.Selector.EVENT_READ;
import static dev.selectors.Selector.EVENT_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.selectors.ErrnoException;
import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.posix.Natives;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Fails every native call and allocation a selector makes, one at a time, and checks what
 * follows each failure. The selector's life: open, register enough fds that every array grows
 * (70 and two more), modify, select (with a timeout that has a fraction of a millisecond),
 * wake up and select, unregister and select, close. For each N from 1 to the number of calls
 * that life makes, the Nth fails (once: a transient failure) and then:
 * <ul>
 *   <li>what the user called throws the call's error: an {@link ErrnoException} naming the
 *       failed call with ENOMEM, or the allocation's {@link OutOfMemoryError}; only unregister
 *       and close may absorb a failure, as Python's do;</li>
 *   <li>a failed constructor leaves none of the fds it created open (each checked in
 *       {@code /proc/self/fd}) and no native memory allocated (counted by the
 *       {@link FaultInjector});</li>
 *   <li>otherwise the selector is still usable: a select succeeds and reports only registered
 *       keys; then close leaves no fd and no memory behind.</li>
 * </ul>
 */
public final class FaultScenario {

    /** Opens the selector under test on bindings wrapped by the injector. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a selector.
         *
         * @param injector wraps the bindings the selector gets
         * @return the selector
         * @throws IOException it could not be opened
         */
        Selector open(FaultInjector injector) throws IOException;
    }

    private static final int EXTRA_FDS = 70;
    private static final Duration TIMEOUT = Duration.ofNanos(1_500_000);
    private static final Set<String> MAY_ABSORB = Set.of("unregister", "close");

    private final String backend;
    private final Opener opener;
    private final FaultInjector injector = new FaultInjector();

    private FaultScenario(String backend, Opener opener) {
        this.backend = backend;
        this.opener = opener;
    }

    /**
     * Runs the scenario with every call failed in turn, and returns what happened.
     *
     * @param backend the backend's name, for messages
     * @param opener  opens it
     * @return a one-line summary: calls made, failures surfaced and absorbed
     * @throws IOException the sockets for the scenario could not be made
     */
    public static String failEachCall(String backend, Opener opener) throws IOException {
        return new FaultScenario(backend, opener).run();
    }

    private String run() throws IOException {
        List<Socket.Pair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < EXTRA_FDS / 2 + 1; i++) {
                pairs.add(Socket.socketpair());
            }
            injector.failAt(0);
            String clean = lifeOnce(pairs);
            assertEquals(null, clean, backend + ": the life failed with nothing injected");
            int calls = injector.count();
            assertTrue(calls > 10, backend + ": only " + calls + " calls counted; is the binding wrapped?");
            Map<String, Integer> absorbed = new TreeMap<>();
            int surfaced = 0;
            for (int n = 1; n <= calls; n++) {
                injector.failAt(n);
                String where = lifeOnce(pairs);
                assertNotNull(injector.failedCall(), backend + ": call " + n + " of " + calls + " was never made");
                if (where == null) {
                    absorbed.merge(injector.failedCall() + " in " + injector.failedPhase(), 1, Integer::sum);
                } else {
                    surfaced++;
                }
            }
            return backend + " (" + Natives.libc().bindingName() + "): " + calls + " calls and allocations, each failed "
                    + "once: " + surfaced + " surfaced as that call's error, " + (calls - surfaced) + " absorbed " + absorbed;
        } finally {
            for (Socket.Pair pair : pairs) {
                pair.close();
            }
        }
    }

    /** One life of a selector; returns the phase that threw the injected failure, or null. */
    private String lifeOnce(List<Socket.Pair> pairs) throws IOException {
        Selector selector;
        try {
            phase("open");
            selector = opener.open(injector);
        } catch (IOException | RuntimeException | Error e) {
            expectInjected(e, "open");
            expectReleased("after a failed constructor");
            return "open";
        }
        String thrownIn = null;
        Socket a = pairs.get(0).first();
        Socket b = pairs.get(0).second();
        try {
            phase("register");
            for (int i = 1; i < pairs.size(); i++) {
                selector.register(pairs.get(i).first(), EVENT_READ);
                selector.register(pairs.get(i).second(), EVENT_READ);
            }
            selector.register(a, EVENT_READ, "a");
            selector.register(b, EVENT_WRITE, "b");
            phase("modify");
            selector.modify(a, EVENT_READ | EVENT_WRITE, "a2");
            phase("select");
            expectReady(selector, Map.of(a.fileno(), EVENT_WRITE, b.fileno(), EVENT_WRITE));
            phase("wakeup");
            selector.wakeup();
            phase("select after wakeup");
            expectReady(selector, Map.of(a.fileno(), EVENT_WRITE, b.fileno(), EVENT_WRITE));
            phase("unregister");
            selector.unregister(a);
            phase("select after unregister");
            expectReady(selector, Map.of(b.fileno(), EVENT_WRITE));
        } catch (IOException | RuntimeException | Error e) {
            thrownIn = injector.phase();
            expectInjected(e, thrownIn);
            stillUsable(selector);
        }
        phase("close");
        selector.close();
        expectReleased("after close" + (thrownIn == null ? "" : " (the failure was in " + thrownIn + ")"));
        if (thrownIn == null && injector.failedCall() != null) {
            assertTrue(MAY_ABSORB.contains(injector.failedPhase()), backend + ": " + injector.failedCall() + " failed in "
                    + injector.failedPhase() + ", yet nothing was thrown");
        }
        return thrownIn;
    }

    private void phase(String name) {
        injector.phase(name);
    }

    private void expectReady(Selector selector, Map<Integer, Integer> expected) throws IOException {
        List<ReadyKey> ready = selector.select(TIMEOUT);
        Map<Integer, Integer> got = ready.stream().collect(Collectors.toMap(r -> r.key().fd(), ReadyKey::events));
        if (!got.equals(expected)) {
            // A failure that went unnoticed shows here; a failure that surfaced never gets here.
            throw new AssertionError(backend + ": select reported " + got + ", expected " + expected
                    + (injector.failedCall() == null ? "" : " (" + injector.failedCall() + " had failed, unnoticed)"));
        }
    }

    private void expectInjected(Throwable thrown, String where) {
        if (thrown instanceof AssertionError) {
            throw (AssertionError) thrown;
        }
        Throwable error = thrown instanceof UncheckedIOException ? thrown.getCause() : thrown;
        String failed = injector.failedCall();
        if (failed == null) {
            fail(backend + ": " + where + " failed with nothing injected", thrown);
        }
        assertEquals(where, injector.failedPhase(), backend + ": " + failed + " failed in " + injector.failedPhase()
                + ", but what threw was " + where);
        if (error instanceof OutOfMemoryError) {
            assertSame(injector.injectedError(), error, backend + ": " + where);
            return;
        }
        if (!(error instanceof ErrnoException)) {
            fail(backend + ": " + where + " threw " + error + " for the injected failure of " + failed, thrown);
        }
        ErrnoException errno = (ErrnoException) error;
        assertEquals(FaultInjector.INJECTED_ERRNO, errno.errno(), backend + ": " + where + ": " + errno.getMessage());
        assertTrue(errno.call().startsWith(failed), backend + ": " + where + ": the error names " + errno.call()
                + ", the failed call was " + failed);
    }

    /** After a surfaced failure: a select works and reports registered keys only. */
    private void stillUsable(Selector selector) throws IOException {
        phase("select after the failure");
        for (ReadyKey ready : selector.select(Duration.ZERO)) {
            assertSame(ready.key(), selector.getMap().get(ready.key().fileobj()), backend + ": a stale key was reported");
        }
    }

    /**
     * Every fd the selector created is closed (its number, if open, is another file now), and
     * every block of native memory freed. Only the selector's own fds are looked at: the JVM
     * opens files of its own meanwhile, and the emulation libraries keep helpers of theirs.
     */
    private void expectReleased(String when) {
        String failed = injector.failedCall() == null ? "" : ", " + injector.failedCall() + " having failed";
        assertEquals(0, injector.liveMemory(), backend + ": native memory left allocated " + when + failed);
        Map<Integer, String> leaked = new TreeMap<>();
        injector.createdFds().forEach((fd, link) -> {
            if (link != null && link.equals(FaultInjector.link(fd))) {
                leaked.put(fd, link);
            }
        });
        assertTrue(leaked.isEmpty(), backend + ": fds left open " + when + ": " + leaked + failed);
    }
}
