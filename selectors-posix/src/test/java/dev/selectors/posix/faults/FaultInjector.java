package dev.selectors.posix.faults;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.NativeMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A test binding: wraps any binding seam ({@link LibC}, the epoll, kqueue, /dev/poll and
 * event-port bindings) and fails its Nth native call or allocation, counting over every seam it
 * wrapped. A failed call returns {@code -ENOMEM} without reaching the kernel, but for
 * {@code close}, which really closes first (as Linux does when close reports an error); a
 * failed allocation throws {@link OutOfMemoryError}, as JNA's and FFM's do. Every block of
 * native memory handed out is counted until it is closed, and every fd a call created is
 * remembered with its {@code /proc/self/fd} link.
 *
 * <p>Shared with the backend modules' tests through this module's test-jar.
 */
public final class FaultInjector {

    /** The errno a failed call returns. */
    public static final int INJECTED_ERRNO = Errno.ENOMEM;

    // Neither native calls that can fail nor allocations: never counted.
    private static final Set<String> NOT_CALLS = Set.of("bindingName", "callPath", "strerror", "address");
    // Calls whose result is a new fd, and calls that return two in their int[] argument.
    private static final Set<String> RETURN_AN_FD = Set.of("socket", "accept", "epollCreate1", "eventfd", "kqueue",
            "openDevpoll", "portCreate");
    private static final Set<String> FILL_TWO_FDS = Set.of("pipe", "socketpair");

    private int failAt;
    private int count;
    private String failedCall;
    private String phase;
    private String failedPhase;
    private OutOfMemoryError injectedError;
    private int liveMemory;
    private final Map<Integer, String> createdFds = new TreeMap<>();

    /**
     * Fails the {@code n}th call or allocation from now on, counting from 1; 0 fails none.
     * Resets the count and forgets the last failure.
     *
     * @param n the call to fail
     */
    public void failAt(int n) {
        failAt = n;
        count = 0;
        failedCall = null;
        failedPhase = null;
        injectedError = null;
        createdFds.clear();
    }

    /**
     * Returns the fds the wrapped bindings created since {@link #failAt}, each with what
     * {@code /proc/self/fd} said it was when it was made ({@code pipe:[4711]}): the same link
     * later means the same open file, not a number the JVM reused.
     *
     * @return fd to its link at creation
     */
    public Map<Integer, String> createdFds() {
        return createdFds;
    }

    /**
     * Names what the caller is doing now (open, register...), remembered with a failure.
     *
     * @param name the phase
     */
    public void phase(String name) {
        phase = name;
    }

    /**
     * Returns what the caller said it is doing now.
     *
     * @return the phase
     */
    public String phase() {
        return phase;
    }

    /**
     * Returns the phase in which the call was failed, or null.
     *
     * @return the phase
     */
    public String failedPhase() {
        return failedPhase;
    }

    /**
     * Returns the calls and allocations counted since {@link #failAt}.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * Returns the C name of the call that was failed ({@code epoll_ctl}, {@code allocate}), or null.
     *
     * @return the failed call
     */
    public String failedCall() {
        return failedCall;
    }

    /**
     * Returns the error thrown for a failed allocation, or null.
     *
     * @return the error
     */
    public OutOfMemoryError injectedError() {
        return injectedError;
    }

    /**
     * Returns the blocks of native memory allocated through a wrapped binding and not yet closed.
     *
     * @return the count
     */
    public int liveMemory() {
        return liveMemory;
    }

    /**
     * Wraps a binding.
     *
     * @param seam its interface
     * @param real the binding to delegate to
     * @param <T>  the seam
     * @return the wrapper
     */
    public <T> T wrap(Class<T> seam, T real) {
        InvocationHandler handler = (proxy, method, args) -> invoke(real, method, args);
        return seam.cast(Proxy.newProxyInstance(seam.getClassLoader(), new Class<?>[] {seam}, handler));
    }

    private Object invoke(Object real, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        Class<?> type = method.getReturnType();
        if (method.getDeclaringClass() == Object.class || NOT_CALLS.contains(name)) {
            return delegate(real, method, args);
        }
        if (type == NativeMemory.class) {
            if (++count == failAt) {
                failedCall = "allocate";
                failedPhase = phase;
                injectedError = new OutOfMemoryError("injected: " + name + "(" + args[0] + ") failed");
                throw injectedError;
            }
            return new CountedMemory((NativeMemory) delegate(real, method, args));
        }
        if (type != int.class && type != long.class) {
            return delegate(real, method, args);
        }
        if (++count != failAt) {
            Object result = delegate(real, method, args);
            if (RETURN_AN_FD.contains(name) && ((Number) result).intValue() >= 0) {
                created(((Number) result).intValue());
            } else if (FILL_TWO_FDS.contains(name) && ((Number) result).intValue() == 0) {
                int[] fds = (int[]) args[args.length - 1];
                created(fds[0]);
                created(fds[1]);
            }
            return result;
        }
        failedCall = cName(name);
        failedPhase = phase;
        if (name.equals("close")) {
            delegate(real, method, args);
        }
        return type == int.class ? (Object) (-INJECTED_ERRNO) : (Object) (long) -INJECTED_ERRNO;
    }

    private void created(int fd) {
        createdFds.put(fd, link(fd));
    }

    /**
     * How many fds of this process are open on what {@code link} names, for a test that checks
     * a step opens none of them ({@code anon_inode:[eventpoll]}: the JVM opens files of its own
     * at any time, but not those).
     *
     * @param link what {@code /proc/self/fd} says the fds are
     * @return how many there are now
     */
    public static long openFdsLinkedTo(String link) {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> link.equals(link(Integer.parseInt(fd.getFileName().toString())))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@code /proc/self/fd} says an fd is.
     *
     * @param fd a file descriptor
     * @return its link ({@code socket:[4711]}), or null when it is not open
     */
    public static String link(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd", Integer.toString(fd))).toString();
        } catch (IOException notOpen) {
            return null;
        }
    }

    private static Object delegate(Object real, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The name the selectors give a call in their errors: epollCtl is epoll_ctl, dpPoll ioctl. */
    static String cName(String method) {
        switch (method) {
            case "openDevpoll":
                return "open";
            case "dpPoll":
                return "ioctl";
            default:
                return method.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    }

    /** Native memory counted while it is open. */
    private final class CountedMemory implements NativeMemory {
        private final NativeMemory memory;
        private boolean closed;

        CountedMemory(NativeMemory memory) {
            this.memory = memory;
            liveMemory++;
        }

        @Override
        public long address() {
            return memory.address();
        }

        @Override
        public ByteBuffer buffer() {
            return memory.buffer();
        }

        @Override
        public long size() {
            return memory.size();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                liveMemory--;
            }
            memory.close();
        }
    }
}
