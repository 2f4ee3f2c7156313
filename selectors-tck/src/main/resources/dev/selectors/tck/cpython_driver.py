"""Runs operation scripts through CPython's selectors module, for CPythonDifferential.

    python3 cpython_driver.py BACKEND FD_BASE < scripts.jsonl > results.jsonl

BACKEND is epoll, poll or select. Each input line is one script, a JSON list of steps; each
output line holds the steps' results, in order, separated by tabs. Every socket made is moved
to the lowest free fd at or above FD_BASE (fcntl F_DUPFD_CLOEXEC), so that the Java side, which
does the same, sees the same fd numbers. A step's result is "ok VALUE" (VALUE in compact JSON;
keys as [fileobj, fd, events, data], lists of them sorted by fd) or "err NAME" (the exception's
class name, with ":ERRNO" for an OSError).
"""
import errno
import fcntl
import json
import selectors
import socket
import sys

SELECTORS = {"epoll": "EpollSelector", "poll": "PollSelector", "select": "SelectSelector"}


class Script:
    def __init__(self, backend, base):
        self.selector = getattr(selectors, SELECTORS[backend])()
        self.base = base
        self.objects = []  # socket objects, by index
        self.numbers = []  # the fd each object had when made (a raw-fd reference uses it)

    def adopt(self, sock):
        fd = fcntl.fcntl(sock.fileno(), fcntl.F_DUPFD_CLOEXEC, self.base)
        moved = socket.socket(sock.family, sock.type, sock.proto, fileno=fd)
        sock.close()
        moved.setblocking(False)
        self.objects.append(moved)
        self.numbers.append(fd)
        return fd

    def ref(self, ref):
        kind, index = ref
        return self.objects[index] if kind == "obj" else self.numbers[index]

    def name(self, fileobj):
        for index, candidate in enumerate(self.objects):
            if fileobj is candidate:
                return "obj:%d" % index
        return "int:%d" % fileobj

    def key(self, key):
        return None if key is None else [self.name(key.fileobj), key.fd, key.events, key.data]

    def step(self, op, args):
        sel = self.selector
        if op == "pair":
            a, b = socket.socketpair()
            return [self.adopt(a), self.adopt(b)]
        if op == "register":
            return self.key(sel.register(self.ref(args[0]), args[1], args[2]))
        if op == "unregister":
            return self.key(sel.unregister(self.ref(args[0])))
        if op == "modify":
            return self.key(sel.modify(self.ref(args[0]), args[1], args[2]))
        if op == "get_key":
            return self.key(sel.get_key(self.ref(args[0])))
        if op == "get_map":
            mapping = sel.get_map()
            return None if mapping is None else sorted((self.key(k) for k in mapping.values()), key=lambda k: k[1])
        if op == "select":
            return sorted([key.fd, events] for key, events in sel.select(args[0] / 1000.0))
        if op == "send":
            return self.objects[args[0]].send(b"x" * args[1])
        if op == "recv":
            return len(self.objects[args[0]].recv(args[1]))
        if op == "shutdown":
            self.objects[args[0]].shutdown(args[1])
            return None
        if op == "close":
            self.objects[args[0]].close()
            return None
        if op == "close_selector":
            sel.close()
            return None
        raise ValueError("unknown step " + op)

    def run(self, steps):
        results = []
        for step in steps:
            try:
                results.append("ok " + json.dumps(self.step(step[0], step[1:]), separators=(",", ":")))
            except OSError as e:
                results.append("err OSError:" + errno.errorcode.get(e.errno, str(e.errno)))
            except Exception as e:  # KeyError, ValueError, RuntimeError, TypeError: the class is the result
                results.append("err " + type(e).__name__)
        for sock in self.objects:
            sock.close()
        self.selector.close()
        return results


def main():
    backend, base = sys.argv[1], int(sys.argv[2])
    for line in sys.stdin:
        print("\t".join(Script(backend, base).run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
