/*
 * Checks, at compile time, the numbers the /dev/poll and event-port emulation is built with
 * against values the test passes in from Go's x/sys and Rust's libc (EXPECT_*), so that a test
 * library built from our own wrong number cannot pass our own wrong binding:
 *
 *   cc -fsyntax-only -DEXPECT_PORT_EVENT_SIZE=24 -DEXPECT_PORTEV_OBJECT=8 ... solaris_probe.c
 */
#include "solaris_emulation.c"

_Static_assert(sizeof(port_event_t) == EXPECT_PORT_EVENT_SIZE, "sizeof(port_event_t) differs from the sources");
_Static_assert(offsetof(port_event_t, portev_events) == EXPECT_PORTEV_EVENTS, "portev_events differs");
_Static_assert(offsetof(port_event_t, portev_source) == EXPECT_PORTEV_SOURCE, "portev_source differs");
_Static_assert(offsetof(port_event_t, portev_object) == EXPECT_PORTEV_OBJECT, "portev_object differs");
_Static_assert(offsetof(port_event_t, portev_user) == EXPECT_PORTEV_USER, "portev_user differs");
_Static_assert(PORT_SOURCE_USER == EXPECT_PORT_SOURCE_USER, "PORT_SOURCE_USER differs");
_Static_assert(PORT_SOURCE_FD == EXPECT_PORT_SOURCE_FD, "PORT_SOURCE_FD differs");
_Static_assert(SOL_ETIME == EXPECT_ETIME, "ETIME differs");
