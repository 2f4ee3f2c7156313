/*
 * /dev/poll and event ports on Linux, for testing DevpollSelector and EventPortSelector where
 * no illumos kernel runs. Built by the tests (SolarisEmulation.java):
 *
 *   cc -shared -fPIC -O2 -o libsolaris-emulation.so solaris_emulation.c
 *
 * /dev/poll, on poll(2): open("/dev/poll") returns a handle; write() of pollfd records adds
 * (ORs) events or, with POLLREMOVE, removes the fd; ioctl(DP_POLL) polls the set into the
 * caller's struct dvpoll; close() frees it. These four also pass any other fd or path on to the
 * real system call, so calling them for other files through this library is harmless.
 *
 * Event ports, on epoll: port_associate is EPOLLONESHOT (an fd's event dissociates it, as on
 * illumos), port_dissociate gives ENOENT for an fd not associated, port_getn returns -1/ETIME on
 * timeout with *nget = 0, port_send events come from an eventfd. Only PORT_SOURCE_FD and
 * PORT_SOURCE_USER are emulated; the user pointer of fd events is kept.
 *
 * illumos constants and layouts (shared/ABI.md); static assertions pin the structs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DP_POLL 0xD001
#define SOL_POLLREMOVE 0x0800
#define PORT_SOURCE_USER 3
#define PORT_SOURCE_FD 4
#define SOL_ETIME 62
#define MAX_HANDLES 65536

struct dvpoll {
    struct pollfd *dp_fds;
    unsigned long dp_nfds;
    int dp_timeout;
    void *dp_setp;
};
_Static_assert(sizeof(struct dvpoll) == 32, "dvpoll: 32 bytes (illumos, LP64)");
_Static_assert(offsetof(struct dvpoll, dp_nfds) == 8, "dp_nfds @8");
_Static_assert(offsetof(struct dvpoll, dp_timeout) == 16, "dp_timeout @16");
_Static_assert(sizeof(struct pollfd) == 8, "pollfd: 8 bytes");

typedef struct port_event {
    int portev_events;
    unsigned short portev_source;
    unsigned short portev_pad;
    uintptr_t portev_object;
    void *portev_user;
} port_event_t;
_Static_assert(sizeof(port_event_t) == 24, "port_event_t: 24 bytes (LP64)");
_Static_assert(offsetof(port_event_t, portev_source) == 4, "portev_source @4");
_Static_assert(offsetof(port_event_t, portev_pad) == 6, "portev_pad @6");
_Static_assert(offsetof(port_event_t, portev_object) == 8, "portev_object @8");
_Static_assert(offsetof(port_event_t, portev_user) == 16, "portev_user @16");

/* ------------------------------------------------------------------------------- /dev/poll */

struct devpoll {
    int count;
    int capacity;
    struct pollfd *fds;
};

static struct devpoll *devpolls[MAX_HANDLES];

static struct devpoll *devpoll_of(int fd) {
    return fd >= 0 && fd < MAX_HANDLES ? devpolls[fd] : NULL;
}

int open(const char *path, int flags, ...) {
    mode_t mode = 0;
    if (flags & O_CREAT) {
        va_list args;
        va_start(args, flags);
        mode = va_arg(args, mode_t);
        va_end(args);
    }
    if (strcmp(path, "/dev/poll") != 0) {
        return (int) syscall(SYS_openat, AT_FDCWD, path, flags, mode);
    }
    /* Any fd serves as the handle; an eventfd costs nothing. */
    int fd = (int) syscall(SYS_eventfd2, 0, EFD_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (fd >= MAX_HANDLES) {
        syscall(SYS_close, fd);
        errno = EMFILE;
        return -1;
    }
    devpolls[fd] = calloc(1, sizeof(struct devpoll));
    return fd;
}

static int find(struct devpoll *dp, int fd) {
    for (int i = 0; i < dp->count; i++) {
        if (dp->fds[i].fd == fd) {
            return i;
        }
    }
    return -1;
}

ssize_t write(int fd, const void *buf, size_t size) {
    struct devpoll *dp = devpoll_of(fd);
    if (dp == NULL) {
        return (ssize_t) syscall(SYS_write, fd, buf, size);
    }
    if (size % sizeof(struct pollfd) != 0) {
        errno = EINVAL;
        return -1;
    }
    const struct pollfd *records = buf;
    for (size_t r = 0; r < size / sizeof(struct pollfd); r++) {
        int at = find(dp, records[r].fd);
        if (records[r].events & SOL_POLLREMOVE) {
            if (at >= 0) {
                dp->fds[at] = dp->fds[--dp->count];
            }
            continue;
        }
        if (at < 0) {
            if (dp->count == dp->capacity) {
                int capacity = dp->capacity ? dp->capacity * 2 : 64;
                struct pollfd *bigger = realloc(dp->fds, capacity * sizeof(struct pollfd));
                if (bigger == NULL) {
                    errno = ENOMEM;
                    return -1;
                }
                dp->fds = bigger;
                dp->capacity = capacity;
            }
            at = dp->count++;
            dp->fds[at].fd = records[r].fd;
            dp->fds[at].events = 0;
        }
        /* A record adds to the events already watched, as on illumos. */
        dp->fds[at].events |= records[r].events;
    }
    return (ssize_t) size;
}

int ioctl(int fd, unsigned long request, ...) {
    va_list args;
    va_start(args, request);
    void *arg = va_arg(args, void *);
    va_end(args);
    struct devpoll *dp = devpoll_of(fd);
    if (dp == NULL || (int) request != DP_POLL) {
        return (int) syscall(SYS_ioctl, fd, request, arg);
    }
    struct dvpoll *dvp = arg;
    int n = poll(dp->fds, (nfds_t) dp->count, dvp->dp_timeout);
    if (n < 0) {
        return -1;
    }
    int out = 0;
    for (int i = 0; i < dp->count && out < (int) dvp->dp_nfds && n > 0; i++) {
        if (dp->fds[i].revents != 0) {
            dvp->dp_fds[out++] = dp->fds[i];
            n--;
        }
    }
    return out;
}

int close(int fd) {
    struct devpoll *dp = devpoll_of(fd);
    if (dp != NULL) {
        free(dp->fds);
        free(dp);
        devpolls[fd] = NULL;
    }
    return (int) syscall(SYS_close, fd);
}

/* ------------------------------------------------------------------------------- event ports */

#define USER_MARK UINT64_MAX

struct port {
    int user_fd;         /* eventfd counting port_send events */
    int size;
    unsigned char *associated; /* per fd: 1 while associated */
    unsigned char *in_epoll;   /* per fd: 1 while in the epoll set (disabled after one shot) */
    void **users;
};

static struct port *ports[MAX_HANDLES];

static void free_port(struct port *p) {
    if (p->user_fd >= 0) {
        syscall(SYS_close, p->user_fd);
    }
    free(p->associated);
    free(p->in_epoll);
    free(p->users);
    free(p);
}

int port_create(void) {
    int epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        return -1;
    }
    if (epfd >= MAX_HANDLES) {
        syscall(SYS_close, epfd);
        errno = EMFILE;
        return -1;
    }
    /* The fd number may be that of a port closed with close(2): start afresh. */
    if (ports[epfd] != NULL) {
        free_port(ports[epfd]);
    }
    struct port *p = calloc(1, sizeof(struct port));
    p->user_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = USER_MARK};
    if (p->user_fd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, p->user_fd, &ev) != 0) {
        int error = errno;
        free_port(p);
        syscall(SYS_close, epfd);
        errno = error;
        return -1;
    }
    ports[epfd] = p;
    return epfd;
}

static int grow(struct port *p, int fd) {
    if (fd < p->size) {
        return 0;
    }
    int size = p->size ? p->size : 64;
    while (size <= fd) {
        size *= 2;
    }
    unsigned char *a = realloc(p->associated, size);
    unsigned char *e = a ? realloc(p->in_epoll, size) : NULL;
    void **u = e ? realloc(p->users, size * sizeof(void *)) : NULL;
    if (a) p->associated = a;
    if (e) p->in_epoll = e;
    if (u) p->users = u;
    if (!a || !e || !u) {
        errno = ENOMEM;
        return -1;
    }
    memset(p->associated + p->size, 0, size - p->size);
    memset(p->in_epoll + p->size, 0, size - p->size);
    memset(p->users + p->size, 0, (size - p->size) * sizeof(void *));
    p->size = size;
    return 0;
}

static struct port *port_of(int port) {
    struct port *p = port >= 0 && port < MAX_HANDLES ? ports[port] : NULL;
    if (p == NULL) {
        errno = EBADF;
    }
    return p;
}

int port_associate(int port, int source, uintptr_t object, int events, void *user) {
    struct port *p = port_of(port);
    if (p == NULL) {
        return -1;
    }
    if (source != PORT_SOURCE_FD) {
        errno = EINVAL;
        return -1;
    }
    int fd = (int) object;
    if (fd < 0 || grow(p, fd) != 0) {
        if (fd < 0) errno = EBADF;
        return -1;
    }
    struct epoll_event ev = {
        .events = EPOLLONESHOT | ((events & POLLIN) ? EPOLLIN : 0) | ((events & POLLOUT) ? EPOLLOUT : 0),
        .data.u64 = (uint64_t) fd,
    };
    int op = p->in_epoll[fd] ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    if (epoll_ctl(port, op, fd, &ev) != 0) {
        /* Closed and reused since: the old entry left the set with the old file. */
        if (!(op == EPOLL_CTL_MOD && errno == ENOENT && epoll_ctl(port, EPOLL_CTL_ADD, fd, &ev) == 0)) {
            return -1;
        }
    }
    p->in_epoll[fd] = 1;
    p->associated[fd] = 1;
    p->users[fd] = user;
    return 0;
}

int port_dissociate(int port, int source, uintptr_t object) {
    struct port *p = port_of(port);
    if (p == NULL) {
        return -1;
    }
    int fd = (int) object;
    if (source != PORT_SOURCE_FD || fd < 0) {
        errno = EINVAL;
        return -1;
    }
    int was = fd < p->size && p->associated[fd];
    if (fd < p->size && p->in_epoll[fd]) {
        epoll_ctl(port, EPOLL_CTL_DEL, fd, NULL);
        p->in_epoll[fd] = 0;
    }
    if (!was) {
        errno = ENOENT;
        return -1;
    }
    p->associated[fd] = 0;
    return 0;
}

int port_send(int port, int events, void *user) {
    (void) events;
    (void) user;
    struct port *p = port_of(port);
    if (p == NULL) {
        return -1;
    }
    uint64_t one = 1;
    return write(p->user_fd, &one, sizeof one) < 0 ? -1 : 0;
}

static int to_poll_events(uint32_t events) {
    return ((events & EPOLLIN) ? POLLIN : 0) | ((events & EPOLLOUT) ? POLLOUT : 0)
        | ((events & EPOLLERR) ? POLLERR : 0) | ((events & EPOLLHUP) ? POLLHUP : 0);
}

int port_getn(int port, port_event_t list[], unsigned int max, unsigned int *nget, const struct timespec *timeout) {
    struct port *p = port_of(port);
    if (p == NULL) {
        return -1;
    }
    if (max == 0) {
        *nget = 0;
        return 0;
    }
    struct epoll_event ready[max];
    int n = epoll_pwait2(port, ready, (int) max, timeout, NULL);
    if (n < 0) {
        *nget = 0;
        return -1;
    }
    unsigned int out = 0;
    for (int i = 0; i < n && out < max; i++) {
        if (ready[i].data.u64 == USER_MARK) {
            uint64_t count = 0;
            if (read(p->user_fd, &count, sizeof count) < 0) {
                continue;
            }
            for (; count > 0 && out < max; count--) {
                memset(&list[out], 0, sizeof list[out]);
                list[out].portev_source = PORT_SOURCE_USER;
                out++;
            }
            if (count > 0) {
                write(p->user_fd, &count, sizeof count); /* no room: keep them for the next call */
            }
            continue;
        }
        int fd = (int) ready[i].data.u64;
        memset(&list[out], 0, sizeof list[out]);
        list[out].portev_events = to_poll_events(ready[i].events);
        list[out].portev_source = PORT_SOURCE_FD;
        list[out].portev_object = (uintptr_t) fd;
        list[out].portev_user = fd < p->size ? p->users[fd] : NULL;
        out++;
        if (fd < p->size) {
            p->associated[fd] = 0; /* one-shot: the event dissociated it */
        }
    }
    *nget = out;
    if (out == 0) {
        errno = SOL_ETIME;
        return -1;
    }
    return 0;
}
