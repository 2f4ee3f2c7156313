package dev.selectors.tck;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import sun.misc.Signal;

/**
 * Sends a signal to one thread, so that a test can interrupt a blocked select(2)/poll(2)/
 * epoll_wait(2) with EINTR, as Python's {@code signal.alarm} tests do. Linux only (gettid and
 * tgkill); test support, not part of any backend, so it calls JNA directly.
 */
final class Signals {

    /** SIGWINCH: ignored by default, unused by the JVM, harmless to a test run. */
    static final String SIGNAL_NAME = "WINCH";

    private Signals() {
    }

    static boolean supported() {
        return Platform.isLinux();
    }

    /** Installs a do-nothing Java handler, so the signal interrupts system calls. */
    static void installNoOpHandler() {
        Signal.handle(new Signal(SIGNAL_NAME), signal -> { });
    }

    static int currentThreadId() {
        return Linux.INSTANCE.gettid();
    }

    static void signalThread(int tid) {
        int signal = new Signal(SIGNAL_NAME).getNumber();
        if (Linux.INSTANCE.tgkill(Linux.INSTANCE.getpid(), tid, signal) != 0) {
            throw new IllegalStateException("tgkill failed: errno " + Native.getLastError());
        }
    }

    private interface Linux extends Library {
        Linux INSTANCE = Native.load(Platform.C_LIBRARY_NAME, Linux.class);

        int getpid();

        int gettid();

        int tgkill(int tgid, int tid, int sig);
    }
}
