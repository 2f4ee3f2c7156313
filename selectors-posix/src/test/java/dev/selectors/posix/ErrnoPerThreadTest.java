package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * errno is the calling thread's, whatever the binding: the FFM binding keeps one capture segment
 * per thread and finds it in a table indexed by thread id, so two threads whose ids share a slot
 * are tested here side by side.
 */
class ErrnoPerThreadTest {

    private static final int CALLS = 20_000;

    @Test
    void threadsWhoseCallsFailDifferentlyEachSeeTheirOwnErrno() throws Exception {
        LibC libc = Natives.libc();
        int[] pair = new int[2];
        assertEquals(0, libc.socketpair(PosixConstants.AF_UNIX, PosixConstants.SOCK_STREAM, 0, pair));
        try (NativeMemory buffer = libc.allocate(16)) {
            int flags = libc.fcntl(pair[0], PosixConstants.F_GETFL, 0);
            assertEquals(0, libc.fcntl(pair[0], PosixConstants.F_SETFL, flags | PosixConstants.O_NONBLOCK));
            // Thread ids are handed out in order, so of 65 threads made in a row two share a slot.
            List<Thread> made = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            Runnable emptySocket = () -> expect(failure, start, () -> libc.recv(pair[0], buffer.address(), 16, 0),
                    -Errno.EAGAIN);
            Runnable badDescriptor = () -> expect(failure, start, () -> libc.recv(-1, buffer.address(), 16, 0),
                    -Errno.EBADF);
            for (int i = 0; i <= 64; i++) {
                made.add(new Thread(i == 0 ? emptySocket : badDescriptor, "errno-" + i));
            }
            Thread first = made.get(0);
            Thread sameSlot = made.stream().skip(1).filter(t -> (t.getId() - first.getId()) % 64 == 0)
                    .findFirst().orElse(made.get(64));
            first.start();
            sameSlot.start();
            start.countDown();
            first.join();
            sameSlot.join();
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
        } finally {
            libc.close(pair[0]);
            libc.close(pair[1]);
        }
    }

    private static void expect(AtomicReference<Throwable> failure, CountDownLatch start,
                               java.util.function.LongSupplier call, long expected) {
        try {
            start.await();
            for (int i = 0; i < CALLS; i++) {
                long result = call.getAsLong();
                if (result != expected) {
                    throw new AssertionError("call " + i + " on " + Thread.currentThread().getName() + " returned "
                            + result + ", expected " + expected);
                }
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }
}
