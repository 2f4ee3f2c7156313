package dev.selectors.tck;

import dev.selectors.AlreadyRegisteredException;
import dev.selectors.ErrnoException;
import dev.selectors.NotRegisteredException;
import dev.selectors.Selector;
import dev.selectors.SelectorClosedException;
import dev.selectors.SelectorKey;
import dev.selectors.posix.AddressFamily;
import dev.selectors.posix.Errno;
import dev.selectors.posix.LibC;
import dev.selectors.posix.Natives;
import dev.selectors.posix.Socket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one operation script through one of our selectors and writes each step's result as the
 * CPython driver writes its own: {@code "ok VALUE"} in compact JSON, or {@code "err NAME"} with
 * Python's exception class for ours ({@code KeyError} for not or already registered,
 * {@code ValueError} for an invalid argument, {@code OSError:ERRNO}), and {@code SelectorClosed}
 * for our {@link SelectorClosedException}, which CPython has no single counterpart of.
 */
final class ScriptRunner {

    private final Selector selector;
    private final int fdBase;
    /** fcntl's F_DUPFD_CLOEXEC on Linux, where the differential runs. */
    private static final int F_DUPFD_CLOEXEC = 1030;

    private final List<Socket> sockets = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    private final List<Set<Integer>> staleBefore = new ArrayList<>();
    /** Fds whose key was registered before the fd was closed, and not unregistered since. */
    private final Set<Integer> stale = new HashSet<>();
    private boolean selectorClosed;

    ScriptRunner(Selector selector, int fdBase) {
        this.selector = selector;
        this.fdBase = fdBase;
    }

    /** Runs the script, then closes every socket and the selector. */
    List<String> run(List<List<Object>> steps) {
        List<String> results = new ArrayList<>();
        try {
            for (List<Object> step : steps) {
                staleBefore.add(Set.copyOf(stale));
                results.add(result(step));
            }
        } finally {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a close that fails here is not under test
                }
            }
            selector.close();
        }
        return results;
    }

    /** Our backend's name, as {@link Selector#backendName()} gives it. */
    String backendName() {
        return selector.backendName();
    }

    /**
     * For each step run, the fds whose key was registered before the fd was closed (the number
     * may have been reused since) and not unregistered since: kernel-side registrations (kqueue,
     * event ports, epoll) died with the close, the key did not.
     */
    List<Set<Integer>> staleBefore() {
        return staleBefore;
    }

    private String result(List<Object> step) {
        try {
            return "ok " + json(perform((String) step.get(0), step.subList(1, step.size())));
        } catch (NotRegisteredException | AlreadyRegisteredException e) {
            return "err KeyError";
        } catch (IllegalArgumentException e) {
            return "err ValueError";
        } catch (SelectorClosedException e) {
            return "err SelectorClosed";
        } catch (ErrnoException e) {
            return "err OSError:" + e.errnoName();
        } catch (IOException e) {
            return "err IOException:" + e.getMessage();
        }
    }

    private Object perform(String op, List<Object> args) throws IOException {
        switch (op) {
            case "pair":
                List<Object> fds = new ArrayList<>();
                Socket.Pair pair = Socket.socketpair();
                for (Socket made : List.of(pair.first(), pair.second())) {
                    Socket socket = moved(made);
                    sockets.add(socket);
                    numbers.add(socket.fileno());
                    fds.add(socket.fileno());
                }
                return fds;
            case "register":
                return key(selector.register(ref(args.get(0)), (Integer) args.get(1), args.get(2)));
            case "unregister":
                SelectorKey removed = selector.unregister(ref(args.get(0)));
                stale.remove(removed.fd());
                return key(removed);
            case "modify":
                return key(selector.modify(ref(args.get(0)), (Integer) args.get(1), args.get(2)));
            case "get_key":
                return key(selector.getKey(ref(args.get(0))));
            case "get_map":
                return selector.getMap().values().stream().sorted(Comparator.comparingInt(SelectorKey::fd))
                        .map(this::key).collect(Collectors.toList());
            case "select":
                List<Object> ready = new ArrayList<>();
                selector.select(Duration.ofMillis((Integer) args.get(0)), (key, events) -> ready.add(List.of(key.fd(), events)));
                ready.sort(Comparator.comparingInt(entry -> (Integer) ((List<?>) entry).get(0)));
                return ready;
            case "send":
                return socket(args).send(new byte[(Integer) args.get(1)]);
            case "recv":
                return socket(args).recv((Integer) args.get(1)).length;
            case "shutdown":
                socket(args).shutdown((Integer) args.get(1));
                return null;
            case "close":
                int fd = socket(args).fileno();
                if (fd >= 0 && !selectorClosed && selector.getMap().containsKey(fd)) {
                    stale.add(fd);
                }
                socket(args).close();
                return null;
            case "close_selector":
                selector.close();
                selectorClosed = true;
                return null;
            default:
                throw new IllegalStateException("unknown step " + op);
        }
    }

    /**
     * The socket moved to the lowest free fd at or above the base, as the CPython driver moves
     * its own, so both processes see the same numbers; non-blocking, as the driver's.
     */
    private Socket moved(Socket made) throws IOException {
        LibC libc = Natives.libc();
        int fd = Errno.check("fcntl", libc.fcntl(made.fileno(), F_DUPFD_CLOEXEC, fdBase));
        made.close();
        Socket socket = Socket.fromFileno(AddressFamily.UNIX, fd);
        socket.setBlocking(false);
        return socket;
    }

    private Socket socket(List<Object> args) {
        return sockets.get((Integer) args.get(0));
    }

    private Object ref(Object reference) {
        List<?> ref = (List<?>) reference;
        int index = (Integer) ref.get(1);
        return ref.get(0).equals("obj") ? sockets.get(index) : numbers.get(index);
    }

    private List<Object> key(SelectorKey key) {
        if (key == null) {
            return null;
        }
        int index = sockets.indexOf(key.fileobj());
        String name = key.fileobj() instanceof Socket && index >= 0 ? "obj:" + index : "int:" + key.fileobj();
        List<Object> fields = new ArrayList<>();
        fields.add(name);
        fields.add(key.fd());
        fields.add(key.events());
        fields.add(key.data());
        return fields;
    }

    /** Compact JSON, as Python's json.dumps(value, separators=(",", ":")) writes it. */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(ScriptRunner::json).collect(Collectors.joining(",", "[", "]"));
        }
        return value.toString();
    }
}
