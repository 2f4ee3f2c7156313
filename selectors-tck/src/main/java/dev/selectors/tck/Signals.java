package dev.selectors.tck;

import dev.selectors.tck.jna.TckLibC;
import sun.misc.Signal;

/**
 * Sends a signal to one thread, so that a test can interrupt a blocked select(2)/poll(2)/
 * epoll_wait(2) with EINTR, as Python's {@code signal.alarm} tests do. Linux only (gettid and
 * tgkill).
 */
final class Signals {

    /** SIGWINCH: ignored by default, unused by the JVM, harmless to a test run. */
    static final String SIGNAL_NAME = "WINCH";

    private Signals() {
    }

    static boolean supported() {
        return TckLibC.isLinux();
    }

    /** Installs a do-nothing Java handler, so the signal interrupts system calls. */
    static void installNoOpHandler() {
        Signal.handle(new Signal(SIGNAL_NAME), signal -> { });
    }

    static int currentThreadId() {
        return TckLibC.gettid();
    }

    static void signalThread(int tid) {
        int r = TckLibC.signalThread(tid, new Signal(SIGNAL_NAME).getNumber());
        if (r < 0) {
            throw new IllegalStateException("tgkill failed: errno " + -r);
        }
    }
}
