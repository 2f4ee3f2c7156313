package dev.selectors.posix;

import dev.selectors.ErrnoException;

/**
 * errno numbers and their symbolic names, per operating system family.
 *
 * <p>Numbers 1 to 34 are the same on every Unix (they come from Version 7). Above that the
 * families differ: Linux's table below was generated from CPython's {@code errno.errorcode} on
 * Linux x86_64; the BSD numbers (35 to 66) are 4.4BSD's, shared by macOS and the BSDs;
 * illumos numbers are those of illumos {@code sys/errno.h}. Only the Linux table has been
 * checked against a running system here (see {@code ErrnoTest}).
 */
public final class Errno {

    private static final String[] V7_NAMES = {
        "", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG",
        "ENOEXEC", "EBADF", "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK",
        "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE",
        "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK",
        "EPIPE", "EDOM", "ERANGE",
    };

    private static final String[] LINUX_NAMES = {
            "", "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG",
            "ENOEXEC", "EBADF", "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK",
            "EBUSY", "EEXIST", "EXDEV", "ENODEV", "ENOTDIR", "EISDIR", "EINVAL", "ENFILE",
            "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE", "EROFS", "EMLINK",
            "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY",
            "ELOOP", "", "ENOMSG", "EIDRM", "ECHRNG", "EL2NSYNC", "EL3HLT", "EL3RST",
            "ELNRNG", "EUNATCH", "ENOCSI", "EL2HLT", "EBADE", "EBADR", "EXFULL", "ENOANO",
            "EBADRQC", "EBADSLT", "", "EBFONT", "ENOSTR", "ENODATA", "ETIME", "ENOSR",
            "ENONET", "ENOPKG", "EREMOTE", "ENOLINK", "EADV", "ESRMNT", "ECOMM", "EPROTO",
            "EMULTIHOP", "EDOTDOT", "EBADMSG", "EOVERFLOW", "ENOTUNIQ", "EBADFD", "EREMCHG", "ELIBACC",
            "ELIBBAD", "ELIBSCN", "ELIBMAX", "ELIBEXEC", "EILSEQ", "ERESTART", "ESTRPIPE", "EUSERS",
            "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP",
            "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED",
            "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED",
            "EHOSTDOWN", "EHOSTUNREACH", "EALREADY", "EINPROGRESS", "ESTALE", "EUCLEAN", "ENOTNAM", "ENAVAIL",
            "EISNAM", "EREMOTEIO", "EDQUOT", "ENOMEDIUM", "EMEDIUMTYPE", "ECANCELED", "ENOKEY", "EKEYEXPIRED",
            "EKEYREVOKED", "EKEYREJECTED", "EOWNERDEAD", "ENOTRECOVERABLE", "ERFKILL",
    };

    // 4.4BSD <sys/errno.h> 35..66; 11 is EDEADLK there, 35 is EAGAIN.
    private static final String[] BSD_NAMES_FROM_35 = {
        "EAGAIN", "EINPROGRESS", "EALREADY", "ENOTSOCK", "EDESTADDRREQ", "EMSGSIZE",
        "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP",
        "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN",
        "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN",
        "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS", "ETIMEDOUT", "ECONNREFUSED", "ELOOP",
        "ENAMETOOLONG", "EHOSTDOWN", "EHOSTUNREACH", "ENOTEMPTY",
    };

    private static final OsFamily OS = OsFamily.CURRENT;

    /** Operation not permitted (epoll refuses regular files with it). */
    public static final int EPERM = 1;
    /** No such file or directory (epoll_ctl DEL of an fd not in the set). */
    public static final int ENOENT = 2;
    /** Interrupted system call: retried, never surfaced (PEP 475). */
    public static final int EINTR = 4;
    /** Bad file descriptor. */
    public static final int EBADF = 9;
    /** Cannot allocate memory. */
    public static final int ENOMEM = 12;
    /** File exists (epoll_ctl ADD of an fd already in the set). */
    public static final int EEXIST = 17;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Too many open files in the system. */
    public static final int ENFILE = 23;
    /** Too many open files in this process. */
    public static final int EMFILE = 24;
    /** Broken pipe. */
    public static final int EPIPE = 32;
    /** Resource temporarily unavailable: Python's BlockingIOError. */
    public static final int EAGAIN = pick(11, 35, 11);
    /** Operation now in progress: a non-blocking connect. */
    public static final int EINPROGRESS = pick(115, 36, 150);
    /** Software caused connection abort. */
    public static final int ECONNABORTED = pick(103, 53, 130);
    /** Connection reset by peer. */
    public static final int ECONNRESET = pick(104, 54, 131);
    /** No buffer space available. */
    public static final int ENOBUFS = pick(105, 55, 132);
    /** Transport endpoint is not connected. */
    public static final int ENOTCONN = pick(107, 57, 134);
    /** Connection refused. */
    public static final int ECONNREFUSED = pick(111, 61, 146);
    /** Function not implemented (a system call this kernel predates, such as epoll_pwait2). */
    public static final int ENOSYS = pick(38, 78, 89);

    private Errno() {
    }

    private static int pick(int linux, int bsd, int solaris) {
        if (OS.isBsd()) {
            return bsd;
        }
        return OS == OsFamily.SOLARIS ? solaris : linux;
    }

    /**
     * Python's {@code errno.errorcode[n]} for this operating system.
     *
     * @param errno a positive errno number
     * @return its symbolic name, or {@code "errno N"} when this table does not know it
     */
    public static String name(int errno) {
        return name(OS, errno);
    }

    /**
     * The symbolic name of an errno number on a given family.
     *
     * @param os    the operating system family
     * @param errno a positive errno number
     * @return its symbolic name, or {@code "errno N"} when unknown
     */
    public static String name(OsFamily os, int errno) {
        String name = null;
        if (os == OsFamily.LINUX && errno > 0 && errno < LINUX_NAMES.length) {
            name = LINUX_NAMES[errno];
        } else if (os.isBsd() && errno == 11) {
            name = "EDEADLK";
        } else if (os == OsFamily.DARWIN && (errno == 45 || errno == 102)) {
            // macOS split 4.4BSD's 45: ENOTSUP kept it, EOPNOTSUPP moved to 102 (<sys/errno.h>).
            name = errno == 45 ? "ENOTSUP" : "EOPNOTSUPP";
        } else if (os.isBsd() && errno >= 35 && errno < 35 + BSD_NAMES_FROM_35.length) {
            name = BSD_NAMES_FROM_35[errno - 35];
        } else if (errno > 0 && errno < V7_NAMES.length) {
            name = V7_NAMES[errno];
        }
        return name == null || name.isEmpty() ? "errno " + errno : name;
    }

    /**
     * Returns a call's result, or throws when it was {@code -errno}.
     *
     * @param call   the call's name, for the message
     * @param result what the {@link LibC} call returned
     * @return {@code result} when it is not negative
     * @throws ErrnoException when it is
     */
    public static int check(String call, int result) throws ErrnoException {
        if (result < 0) {
            throw exception(call, -result);
        }
        return result;
    }

    /**
     * Returns a call's result, or throws when it was {@code -errno}.
     *
     * @param call   the call's name, for the message
     * @param result what the {@link LibC} call returned
     * @return {@code result} when it is not negative
     * @throws ErrnoException when it is
     */
    public static long check(String call, long result) throws ErrnoException {
        if (result < 0) {
            throw exception(call, (int) -result);
        }
        return result;
    }

    /**
     * Builds the exception for a failed call, with the system's description.
     *
     * @param call  the call that failed, such as {@code "poll"}
     * @param errno the positive errno it set
     * @return an {@link ErrnoException}, or a {@link BlockingIOException} for EAGAIN
     */
    public static ErrnoException exception(String call, int errno) {
        if (errno == EAGAIN) {
            return new BlockingIOException(call, errno, name(errno), EagainDescription.TEXT);
        }
        return new ErrnoException(call, errno, name(errno), Natives.describe(errno));
    }

    /** EAGAIN is met on every event loop's hot path: its description is looked up once. */
    private static final class EagainDescription {
        static final String TEXT = Natives.describe(EAGAIN);
    }
}
