package dev.selectors.linux;

import dev.selectors.posix.Errno;
import dev.selectors.posix.LoadedBinding;
import dev.selectors.posix.Natives;
import dev.selectors.posix.OsFamily;
import java.lang.invoke.MethodHandles;

/**
 * Linux epoll: its constants, named and valued as in {@code include/uapi/linux/eventpoll.h}
 * (ABI.md), and whether it can be used here.
 *
 * <pre>
 * struct epoll_event {
 *     __poll_t events;   // uint32_t
 *     __u64    data;     // union epoll_data; we store the fd in its first 4 bytes
 * } EPOLL_PACKED;        // packed on x86_64 only: 12 bytes there, 16 elsewhere
 * </pre>
 */
public final class Epoll {

    /** Register an fd. */
    public static final int EPOLL_CTL_ADD = 1;
    /** Remove an fd. */
    public static final int EPOLL_CTL_DEL = 2;
    /** Change an fd's events. */
    public static final int EPOLL_CTL_MOD = 3;
    /** Close the epoll fd on exec (= O_CLOEXEC). */
    public static final int EPOLL_CLOEXEC = 0x80000;

    /** Readable. */
    public static final int EPOLLIN = 0x001;
    /** Urgent data. */
    public static final int EPOLLPRI = 0x002;
    /** Writable. */
    public static final int EPOLLOUT = 0x004;
    /** Error (always reported). */
    public static final int EPOLLERR = 0x008;
    /** Hang-up (always reported). */
    public static final int EPOLLHUP = 0x010;
    /** Peer closed its writing half. */
    public static final int EPOLLRDHUP = 0x2000;

    /** eventfd: close on exec. */
    public static final int EFD_CLOEXEC = 0x80000;
    /** eventfd: non-blocking. */
    public static final int EFD_NONBLOCK = 0x800;

    private Epoll() {
    }

    /**
     * Whether epoll works here: Linux, the native binding loads, and an epoll fd can be made.
     *
     * @return true when {@link EpollSelector} can be opened
     */
    public static boolean isAvailable() {
        return Holder.BINDING.cause() == null;
    }

    /**
     * Why epoll cannot be used here.
     *
     * @return the cause, or {@code null} when available
     */
    public static Throwable unavailabilityCause() {
        return Holder.BINDING.cause();
    }

    /**
     * The epoll binding.
     *
     * @return the binding
     * @throws UnsupportedOperationException epoll is unavailable; the cause says why
     */
    static EpollBinding binding() {
        return Holder.BINDING.get();
    }

    private static final class Holder {
        static final LoadedBinding<EpollBinding> BINDING = LoadedBinding.attempt("epoll", () -> {
            if (OsFamily.CURRENT != OsFamily.LINUX) {
                throw new UnsupportedOperationException("epoll exists only on Linux; this is "
                        + System.getProperty("os.name"));
            }
            EpollBinding binding = Natives.load(MethodHandles.lookup(), EpollBinding.class);
            int epfd = binding.epollCreate1(EPOLL_CLOEXEC);
            if (epfd < 0) {
                throw Errno.exception("epoll_create1", -epfd);
            }
            Natives.libc().close(epfd);
            return binding;
        });
    }
}
