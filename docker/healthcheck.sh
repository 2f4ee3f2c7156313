#!/bin/bash
# The echo-server image's health check, with what its base has (bash) and no second JVM:
# GET /health on the metrics port (liveness: every event loop turns within a second), or, with
# metrics off, one byte echoed through the echo port. Exit status 0 healthy, 1 not.
set -u
metrics=${ECHO_METRICS_PORT:-off}
if [ "$metrics" != off ]; then
  exec 3<>"/dev/tcp/127.0.0.1/$metrics" || exit 1
  printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  IFS= read -r -t 3 status <&3 || exit 1
  case "$status" in
    "HTTP/1."?" 200"*) exit 0 ;;
    *) echo "health check: $status" >&2; exit 1 ;;
  esac
fi
exec 3<>"/dev/tcp/127.0.0.1/${ECHO_PORT:-1234}" || exit 1
printf '?' >&3
IFS= read -r -t 3 -N 1 reply <&3 || exit 1
[ "$reply" = "?" ]
