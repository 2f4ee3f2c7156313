package dev.selectors.tck;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented differences from CPython (README, "Where we differ from CPython, and why"),
 * each recognised by the step and the two results. Anything else is a failure.
 */
final class KnownDifference {

    private KnownDifference() {
    }

    /**
     * Names the known difference that a step shows, or starts: its results may differ, or be
     * equal while the two selectors' states part (the comparison of the script ends there).
     *
     * @param cpythonSelector the CPython selector compared with
     * @param ourBackend      our backend's name
     * @param step            the step
     * @param cpython         CPython's result
     * @param ours            our result
     * @return the difference's name, or {@code null} when none explains it
     */
    static String explain(String cpythonSelector, String ourBackend, List<Object> step, String cpython, String ours) {
        String op = (String) step.get(0);
        // After close(): we raise SelectorClosedException from every method; CPython 3.11 raises
        // RuntimeError from get_key only, returns None from get_map, KeyError from unregister and
        // modify, ValueError from epoll's register and select, and its poll and select selectors
        // go on working.
        if (ours.equals("err SelectorClosed")) {
            return "closed selector";
        }
        // modify of a registered object with an invalid mask: we refuse it and keep the key, as
        // the Python docs promise (ValueError); CPython's poll and epoll store the mask or fail in
        // the kernel, its select selector raises ValueError too but has dropped the key.
        if (op.equals("modify") && ours.equals("err ValueError") && !cpython.equals("err KeyError")
                && !validMask(step.get(2))) {
            return "invalid mask in modify";
        }
        // modify that changes the mask, on the select backend: CPython's SelectSelector inherits
        // the base class's unregister-then-register, so its new key holds the object passed to
        // modify, and a closed object (no fileno) raises ValueError with its key gone. We change
        // the key in place on every backend, as CPython's poll, epoll, devpoll and kqueue
        // selectors do: one behaviour whichever backend is the default.
        if (cpythonSelector.equals("select") && op.equals("modify") && ours.startsWith("ok [")
                && (cpython.equals("err ValueError") || sameButFileobj(cpython, ours))) {
            return "select's modify re-registers";
        }
        // register, or modify of the events, of a closed fd: kqueue and event ports ask the kernel
        // at once, which refuses it (EBADF; a refused modify drops the key), as CPython's
        // KqueueSelector and EpollSelector do; poll(2) takes any number.
        if ((op.equals("register") || op.equals("modify")) && (ourBackend.equals("kqueue") || ourBackend.equals("eventport"))
                && cpythonSelector.equals("poll") && ours.equals("err OSError:EBADF") && cpython.startsWith("ok ")) {
            return "the kernel refuses a closed fd";
        }
        return null;
    }

    private static final Pattern READY = Pattern.compile("\\[(\\d+),(\\d+)\\]");

    /**
     * Names the documented difference under which a step's two different results are the same
     * answer, so the comparison goes on; both concern our kqueue and event-port backends compared
     * with CPython's poll semantics.
     *
     * @param ourBackend our backend's name
     * @param step       the step
     * @param cpython    CPython's result
     * @param ours       our result
     * @param stale      the fds whose key outlived a close of the fd (ScriptRunner#staleBefore)
     * @return the difference's name, or {@code null} when none makes the results alike
     */
    static String tolerate(String ourBackend, List<Object> step, String cpython, String ours, Set<Integer> stale) {
        boolean kqueue = ourBackend.equals("kqueue");
        if (!step.get(0).equals("select") || !(kqueue || ourBackend.equals("eventport"))
                || !cpython.startsWith("ok [") || !ours.startsWith("ok [")) {
            return null;
        }
        Map<Integer, Integer> theirs = ready(cpython);
        Map<Integer, Integer> mine = ready(ours);
        boolean split = READY.matcher(ours).results().count() > mine.size();
        // An fd closed while registered: poll(2) goes on polling the number (POLLNVAL, or whatever
        // file reuses it), which CPython reports as ready for what was registered; kqueue and
        // event ports drop the registration with the close, as CPython's KqueueSelector sees too.
        boolean forgotten = theirs.keySet().removeIf(fd -> stale.contains(fd) && !mine.containsKey(fd));
        if (!theirs.equals(mine)) {
            return null;
        }
        // kqueue's read and write are separate filters: CPython's KqueueSelector, like ours,
        // returns a key once per filter that fired, where poll returns it once with both events.
        String name = split && kqueue ? "kqueue reports each filter apart" : null;
        if (forgotten) {
            name = (name == null ? "" : name + ", ") + "closed while registered";
        }
        return name;
    }

    /** fd to events, the events of an fd's several entries or'ed together. */
    private static Map<Integer, Integer> ready(String result) {
        Map<Integer, Integer> ready = new TreeMap<>();
        Matcher entry = READY.matcher(result);
        while (entry.find()) {
            ready.merge(Integer.parseInt(entry.group(1)), Integer.parseInt(entry.group(2)), (a, b) -> a | b);
        }
        return ready;
    }

    /** Two keys ({@code ok ["name",fd,events,data]}) alike but for the file object. */
    private static boolean sameButFileobj(String cpython, String ours) {
        return cpython.startsWith("ok [\"") && ours.startsWith("ok [\"")
                && cpython.substring(cpython.indexOf(',')).equals(ours.substring(ours.indexOf(',')));
    }

    private static boolean validMask(Object events) {
        int mask = (Integer) events;
        return mask > 0 && (mask & ~3) == 0;
    }
}
