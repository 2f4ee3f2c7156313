package dev.selectors.solaris.jna;

import static dev.selectors.posix.jna.JnaErrno.result;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import dev.selectors.posix.BoundOnce;
import dev.selectors.posix.jna.JnaErrno;
import dev.selectors.solaris.SolarisBinding;
import dev.selectors.solaris.SolarisAbi;

/**
 * /dev/poll and event ports through JNA direct mapping, from the library given once, at first
 * use (a JVM direct-maps a class to one library). Internal: the selectors use it through the
 * seams.
 */
public final class JnaSolarisBinding implements SolarisBinding {

    private static final BoundOnce<String> BOUND = new BoundOnce<>("the Solaris calls");

    /**
     * Binds, on first use, to {@code library}.
     *
     * @param library the path of the emulation library in tests, or {@code null} for the C library
     */
    public JnaSolarisBinding(String library) {
        BOUND.bind(library);
        Direct.link();
    }

    @Override
    public int openDevpoll() {
        return result(Direct.open("/dev/poll", SolarisAbi.O_RDWR));
    }

    @Override
    public long write(int fd, long buf, long len) {
        return result(Direct.write(fd, buf, len));
    }

    @Override
    public int dpPoll(int fd, long dvpoll) {
        return result(Direct.ioctl(fd, SolarisAbi.DP_POLL, dvpoll));
    }

    @Override
    public int close(int fd) {
        return result(Direct.close(fd));
    }

    @Override
    public int portCreate() {
        return result(Direct.port_create());
    }

    @Override
    public int portAssociate(int port, int source, long object, int events, long user) {
        return result(Direct.port_associate(port, source, object, events, user));
    }

    @Override
    public int portDissociate(int port, int source, long object) {
        return result(Direct.port_dissociate(port, source, object));
    }

    @Override
    public int portGetn(int port, long list, int max, long nget, long timeout) {
        return result(Direct.port_getn(port, list, max, nget, timeout));
    }

    @Override
    public int portSend(int port, int events, long user) {
        return result(Direct.port_send(port, events, user));
    }

    /** The direct-mapped calls. */
    private static final class Direct {
        static {
            Native.register(Direct.class, NativeLibrary.getInstance(JnaErrno.libraryOrC(BOUND.settings())));
        }

        /** Registers the natives (the class's initialisation) without making a call. */
        static void link() {
        }

        static native int open(String path, int flags);

        static native long write(int fd, long buf, long len);

        static native int ioctl(int fd, int request, long arg);

        static native int close(int fd);

        static native int port_create();

        static native int port_associate(int port, int source, long object, int events, long user);

        static native int port_dissociate(int port, int source, long object);

        static native int port_getn(int port, long list, int max, long nget, long timeout);

        static native int port_send(int port, int events, long user);
    }
}
