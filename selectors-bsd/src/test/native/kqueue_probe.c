/*
 * Prints the numbers the kqueue emulation was built with, for one layout, so that
 * KeventAbiTest can check the emulation itself against Go's x/sys and Rust's libc: a test
 * library built from our own wrong number would otherwise pass our own wrong binding.
 *
 *   cc -DLAYOUT_<NAME> -o kqueue-probe-<name> kqueue_probe.c
 */
#include "kqueue_emulation.c"
#include <stdio.h>

int main(void) {
    printf("size %zu\n", sizeof(struct kevent));
    printf("filter %zu\n", offsetof(struct kevent, filter));
    printf("flags %zu\n", offsetof(struct kevent, flags));
    printf("fflags %zu\n", offsetof(struct kevent, fflags));
    printf("data %zu\n", offsetof(struct kevent, data));
    printf("udata %zu\n", offsetof(struct kevent, udata));
    printf("EVFILT_READ %d\n", (int) EVFILT_READ);
    printf("EVFILT_WRITE %d\n", (int) EVFILT_WRITE);
#ifdef EVFILT_USER
    printf("EVFILT_USER %d\n", (int) EVFILT_USER);
    printf("NOTE_TRIGGER %d\n", (int) NOTE_TRIGGER);
#endif
    printf("EV_ADD %d\n", (int) EV_ADD);
    printf("EV_DELETE %d\n", (int) EV_DELETE);
    printf("EV_CLEAR %d\n", (int) EV_CLEAR);
    printf("EV_ERROR %d\n", (int) EV_ERROR);
    printf("EV_EOF %d\n", (int) EV_EOF);
    printf("count_bytes %zu\n", sizeof(kevent_count));
    return 0;
}
