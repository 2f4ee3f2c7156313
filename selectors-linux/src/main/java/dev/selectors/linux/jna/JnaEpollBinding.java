package dev.selectors.linux.jna;

import static dev.selectors.posix.jna.JnaErrno.result;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import dev.selectors.linux.EpollBinding;
import dev.selectors.posix.Errno;

/**
 * epoll and eventfd through JNA direct mapping; errno is read only when a call failed.
 * Internal: {@link dev.selectors.linux.EpollSelector} uses it through the seam.
 */
public final class JnaEpollBinding implements EpollBinding {

    @Override
    public int epollCreate1(int flags) {
        return result(Direct.epoll_create1(flags));
    }

    @Override
    public int epollCtl(int epfd, int op, int fd, long event) {
        return result(Direct.epoll_ctl(epfd, op, fd, event));
    }

    @Override
    public int epollWait(int epfd, long events, int maxEvents, int timeoutMillis) {
        return result(Direct.epoll_wait(epfd, events, maxEvents, timeoutMillis));
    }

    @Override
    public int epollPwait2(int epfd, long events, int maxEvents, long timeout) {
        if (!Precise.LINKED) {
            return -Errno.ENOSYS;
        }
        return result(Precise.epoll_pwait2(epfd, events, maxEvents, timeout, 0L));
    }

    @Override
    public int eventfd(int initval, int flags) {
        return result(Direct.eventfd(initval, flags));
    }

    /** The direct-mapped calls: static natives with primitive arguments. */
    private static final class Direct {
        static {
            Native.register(Direct.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        static native int epoll_create1(int flags);

        static native int epoll_ctl(int epfd, int op, int fd, long event);

        static native int epoll_wait(int epfd, long events, int maxevents, int timeout);

        static native int eventfd(int initval, int flags);
    }

    /** epoll_pwait2, which glibc has since 2.35: linked apart, so that an older C library only loses it. */
    private static final class Precise {
        static final boolean LINKED = link();

        static native int epoll_pwait2(int epfd, long events, int maxevents, long timeout, long sigmask);

        private static boolean link() {
            try {
                Native.register(Precise.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
                return true;
            } catch (UnsatisfiedLinkError | IllegalArgumentException missing) {
                return false;
            }
        }
    }
}
