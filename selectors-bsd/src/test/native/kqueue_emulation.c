/*
 * kqueue(2) and kevent(2) on Linux, on top of epoll, for testing KqueueSelector where no BSD
 * kernel runs. Built once per layout by the tests (see KqueueEmulation.java):
 *
 *   cc -shared -fPIC -O2 -DLAYOUT_<NAME> -o libkqueue-<name>.so kqueue_emulation.c
 *
 * LAYOUT_MACOS, LAYOUT_FREEBSD11, LAYOUT_FREEBSD12, LAYOUT_OPENBSD, LAYOUT_NETBSD9, LAYOUT_NETBSD10,
 * LAYOUT_NETBSD11, LAYOUT_DRAGONFLY choose struct kevent, the filter numbers and the symbol
 * kevent is exported under, as shared/ABI.md gives them; static assertions pin the sizes and
 * offsets, so a layout that drifted from the table does not build.
 *
 * What is emulated: EVFILT_READ and EVFILT_WRITE with EV_ADD and EV_DELETE, level-triggered;
 * EVFILT_USER (one per kqueue, on an eventfd) with EV_ADD|EV_CLEAR, NOTE_TRIGGER and EV_DELETE,
 * where the system has it (not OpenBSD, nor NetBSD 9); errors of changes as kevent returns them (-1 and errno
 * when the event list has no room, EV_ERROR events otherwise); EV_EOF on hang-up; timespec
 * timeouts (epoll_pwait2, to the nanosecond); EINTR. Not emulated: other filters, EV_ONESHOT,
 * EV_RECEIPT, udata.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#if defined(LAYOUT_NETBSD9) || defined(LAYOUT_NETBSD10) || defined(LAYOUT_NETBSD11)
#define NETBSD_LAYOUT 1
/* NetBSD's kevent takes size_t counts (sys/event.h); the other systems' take int. */
typedef size_t kevent_count;
struct kevent {
    uintptr_t ident;
    uint32_t filter;
    uint32_t flags;
    uint32_t fflags;
    int64_t data;
    void *udata;
#ifdef LAYOUT_NETBSD11
    uint64_t ext[4];
#endif
};
#define EVFILT_READ 0
#define EVFILT_WRITE 1
#ifndef LAYOUT_NETBSD9
/* NetBSD added EVFILT_USER in 10.0: the NetBSD 9 emulation refuses filter 8 (EINVAL) as its kernel would. */
#define EVFILT_USER 8
#endif
_Static_assert(offsetof(struct kevent, filter) == 8, "filter @8");
_Static_assert(offsetof(struct kevent, flags) == 12, "flags @12");
_Static_assert(offsetof(struct kevent, fflags) == 16, "fflags @16");
_Static_assert(offsetof(struct kevent, data) == 24, "data @24");
_Static_assert(offsetof(struct kevent, udata) == 32, "udata @32");
#ifdef LAYOUT_NETBSD11
_Static_assert(sizeof(struct kevent) == 72, "NetBSD 11: 72 bytes");
#define KEVENT_SYMBOL __kevent100
#else
_Static_assert(sizeof(struct kevent) == 40, "NetBSD 9 and 10: 40 bytes");
#define KEVENT_SYMBOL __kevent50
#endif

#elif defined(LAYOUT_MACOS) || defined(LAYOUT_FREEBSD11) || defined(LAYOUT_FREEBSD12) \
    || defined(LAYOUT_OPENBSD) || defined(LAYOUT_DRAGONFLY)
typedef int kevent_count;
struct kevent {
    uintptr_t ident;
    int16_t filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t data;      /* intptr_t on macOS, FreeBSD 11 and DragonFly: the same on LP64 */
    void *udata;
#ifdef LAYOUT_FREEBSD12
    uint64_t ext[4];
#endif
};
#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#if defined(LAYOUT_MACOS)
#define EVFILT_USER (-10)
#elif defined(LAYOUT_FREEBSD11) || defined(LAYOUT_FREEBSD12)
#define EVFILT_USER (-11)
#elif defined(LAYOUT_DRAGONFLY)
#define EVFILT_USER (-9)
#endif
_Static_assert(offsetof(struct kevent, filter) == 8, "filter @8");
_Static_assert(offsetof(struct kevent, flags) == 10, "flags @10");
_Static_assert(offsetof(struct kevent, fflags) == 12, "fflags @12");
_Static_assert(offsetof(struct kevent, data) == 16, "data @16");
_Static_assert(offsetof(struct kevent, udata) == 24, "udata @24");
#ifdef LAYOUT_FREEBSD12
_Static_assert(sizeof(struct kevent) == 64, "FreeBSD 12+: 64 bytes");
#else
_Static_assert(sizeof(struct kevent) == 32, "32 bytes");
#endif
#define KEVENT_SYMBOL kevent

#else
#error "define one LAYOUT_* (see the comment at the top)"
#endif

#define EV_ADD 0x0001
#define EV_DELETE 0x0002
#define EV_CLEAR 0x0020
#define NOTE_TRIGGER 0x01000000
/* epoll data of the EVFILT_USER eventfd: no fd is negative. */
#define USER_MARK (-2)
#define EV_ERROR 0x4000
#define EV_EOF 0x8000

#define HAS_READ 1
#define HAS_WRITE 2

/* Per kqueue (indexed by its epoll fd): the filters registered per fd. */
struct kq_state {
    int size;
    unsigned char *filters;
    int user_fd;          /* the EVFILT_USER eventfd, or -1 */
    uintptr_t user_ident;
};

#define MAX_KQUEUES 65536
static struct kq_state *states[MAX_KQUEUES];

static struct kq_state *state_of(int kq) {
    if (kq < 0 || kq >= MAX_KQUEUES) {
        return NULL;
    }
    return states[kq];
}

int kqueue(void) {
    int kq = epoll_create1(EPOLL_CLOEXEC);
    if (kq < 0) {
        return -1;
    }
    if (kq >= MAX_KQUEUES) {
        close(kq);
        errno = EMFILE;
        return -1;
    }
    /* The fd number may be reused from a kqueue closed with close(2): start afresh. */
    if (states[kq] != NULL) {
        if (states[kq]->user_fd >= 0) {
            close(states[kq]->user_fd);
        }
        free(states[kq]->filters);
        free(states[kq]);
    }
    states[kq] = calloc(1, sizeof(struct kq_state));
    states[kq]->user_fd = -1;
    return kq;
}

static int ensure_size(struct kq_state *state, int fd) {
    if (fd < state->size) {
        return 0;
    }
    int size = state->size ? state->size : 64;
    while (size <= fd) {
        size *= 2;
    }
    unsigned char *bigger = realloc(state->filters, size);
    if (bigger == NULL) {
        errno = ENOMEM;
        return -1;
    }
    memset(bigger + state->size, 0, size - state->size);
    state->filters = bigger;
    state->size = size;
    return 0;
}

static uint32_t epoll_events_for(unsigned char filters) {
    return ((filters & HAS_READ) ? EPOLLIN | EPOLLRDHUP : 0) | ((filters & HAS_WRITE) ? EPOLLOUT : 0);
}

#ifdef EVFILT_USER
/* EVFILT_USER: one per kqueue, enough for a wake-up. */
static int apply_user(int kq, struct kq_state *state, const struct kevent *change) {
    if (change->flags & EV_DELETE) {
        if (state->user_fd < 0) {
            return ENOENT;
        }
        epoll_ctl(kq, EPOLL_CTL_DEL, state->user_fd, NULL);
        close(state->user_fd);
        state->user_fd = -1;
        return 0;
    }
    if (change->flags & EV_ADD) {
        if (!(change->flags & EV_CLEAR)) {
            return EINVAL; /* only the EV_CLEAR form is emulated */
        }
        if (state->user_fd < 0) {
            int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
            if (efd < 0) {
                return errno;
            }
            struct epoll_event ev = {.events = EPOLLIN, .data.fd = USER_MARK};
            if (epoll_ctl(kq, EPOLL_CTL_ADD, efd, &ev) != 0) {
                int error = errno;
                close(efd);
                return error;
            }
            state->user_fd = efd;
        }
        state->user_ident = change->ident;
    }
    if (change->fflags & NOTE_TRIGGER) {
        if (state->user_fd < 0) {
            return ENOENT;
        }
        uint64_t one = 1;
        if (write(state->user_fd, &one, sizeof one) < 0 && errno != EAGAIN) {
            return errno;
        }
    }
    return 0;
}
#endif

/* Applies one change; returns 0 or an errno. */
static int apply(int kq, struct kq_state *state, const struct kevent *change) {
    int fd = (int) change->ident;
    int filter = (int) (int16_t) change->filter;
#ifdef NETBSD_LAYOUT
    filter = (int) change->filter;
#endif
#ifdef EVFILT_USER
    if (filter == EVFILT_USER) {
        return apply_user(kq, state, change);
    }
#endif
    unsigned char bit = filter == EVFILT_READ ? HAS_READ : filter == EVFILT_WRITE ? HAS_WRITE : 0;
    if (bit == 0) {
        return EINVAL;
    }
    if (fd < 0 || ensure_size(state, fd) != 0) {
        return fd < 0 ? EBADF : ENOMEM;
    }
    unsigned char before = state->filters[fd];
    if (change->flags & EV_DELETE) {
        if (!(before & bit)) {
            return ENOENT;
        }
        unsigned char after = before & ~bit;
        state->filters[fd] = after;
        struct epoll_event ev = {.events = epoll_events_for(after), .data.fd = fd};
        if (epoll_ctl(kq, after ? EPOLL_CTL_MOD : EPOLL_CTL_DEL, fd, &ev) != 0) {
            /* A closed fd left the set by itself, as it leaves a real kqueue. */
            return errno;
        }
        return 0;
    }
    if (change->flags & EV_ADD) {
        unsigned char after = before | bit;
        struct epoll_event ev = {.events = epoll_events_for(after), .data.fd = fd};
        int op = before ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
        if (epoll_ctl(kq, op, fd, &ev) != 0) {
            if (op == EPOLL_CTL_MOD && errno == ENOENT) {
                /* Stale filters of an fd closed without EV_DELETE: this is a new registration. */
                after = bit;
                ev.events = epoll_events_for(after);
                if (epoll_ctl(kq, EPOLL_CTL_ADD, fd, &ev) != 0) {
                    state->filters[fd] = 0;
                    return errno;
                }
            } else {
                return errno;
            }
        }
        state->filters[fd] = after;
        return 0;
    }
    return EINVAL;
}

static void set_event(struct kevent *out, uintptr_t ident, int filter, unsigned flags, int64_t data) {
    memset(out, 0, sizeof *out);
    out->ident = ident;
    out->filter = filter;
    out->flags = flags;
    out->data = data;
}

int KEVENT_SYMBOL(int kq, const struct kevent *changelist, kevent_count change_count, struct kevent *eventlist,
                  kevent_count event_count, const struct timespec *timeout) {
#ifdef NETBSD_LAYOUT
    /* A count passed as a 32-bit int would leave the upper half of the register undefined. */
    if (change_count > INT_MAX || event_count > INT_MAX) {
        errno = EINVAL;
        return -1;
    }
#endif
    int nchanges = (int) change_count;
    int nevents = (int) event_count;
    struct kq_state *state = state_of(kq);
    if (state == NULL) {
        errno = EBADF;
        return -1;
    }
    int produced = 0;
    for (int i = 0; i < nchanges; i++) {
        int error = apply(kq, state, &changelist[i]);
        if (error != 0) {
            if (produced < nevents) {
                set_event(&eventlist[produced++], changelist[i].ident, changelist[i].filter, EV_ERROR, error);
            } else {
                errno = error;
                return -1;
            }
        }
    }
    if (nevents <= 0 || produced > 0) {
        return produced;
    }

    struct epoll_event ready[nevents];
    int n = epoll_pwait2(kq, ready, nevents, timeout, NULL);
    if (n < 0) {
        return -1;
    }
    for (int i = 0; i < n && produced < nevents; i++) {
        int fd = ready[i].data.fd;
        uint32_t got = ready[i].events;
#ifdef EVFILT_USER
        if (fd == USER_MARK) {
            /* EV_CLEAR: retrieving the event resets it. */
            uint64_t count;
            if (read(state->user_fd, &count, sizeof count) < 0 && errno != EAGAIN) {
                return -1;
            }
            set_event(&eventlist[produced], state->user_ident, EVFILT_USER, EV_ADD | EV_CLEAR, 0);
            eventlist[produced++].fflags = NOTE_TRIGGER;
            continue;
        }
#endif
        unsigned char filters = fd < state->size ? state->filters[fd] : 0;
        unsigned eof = (got & (EPOLLHUP | EPOLLRDHUP | EPOLLERR)) ? EV_EOF : 0;
        if ((filters & HAS_READ) && (got & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
            set_event(&eventlist[produced++], (uintptr_t) fd, EVFILT_READ, EV_ADD | eof, 0);
        }
        /* No room for the write event: level-triggered, it is reported again next call. */
        if ((filters & HAS_WRITE) && (got & (EPOLLOUT | EPOLLHUP | EPOLLERR)) && produced < nevents) {
            set_event(&eventlist[produced++], (uintptr_t) fd, EVFILT_WRITE, EV_ADD | eof, 0);
        }
    }
    return produced;
}
