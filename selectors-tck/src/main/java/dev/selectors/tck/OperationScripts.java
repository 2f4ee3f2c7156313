package dev.selectors.tck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random operation scripts for the differential run: socket pairs; register, modify, unregister
 * and get_key with valid and invalid masks, data, and file objects given as objects or as raw fds
 * (closed ones, and numbers since reused, included); send, recv, shutdown and close to change
 * readiness; select with zero and small timeouts; get_map; and now and then a burst of more than
 * 64 registrations, so that every internal array grows, or a close of the selector.
 *
 * <p>A step is a list: the operation's name, then its arguments, exactly as the CPython driver
 * reads them; an object reference is {@code ["obj", i]} (the i-th socket made) or
 * {@code ["fd", i]} (the number it had when made).
 */
final class OperationScripts {

    private static final int[] VALID_MASKS = {1, 2, 3};
    private static final int[] INVALID_MASKS = {0, 4, -1, 7};

    private final Random random;
    private int sockets;

    OperationScripts(long seed) {
        this.random = new Random(seed);
    }

    /** The next script. */
    List<List<Object>> next() {
        sockets = 0;
        List<List<Object>> steps = new ArrayList<>();
        int pairs = 1 + random.nextInt(3);
        for (int i = 0; i < pairs; i++) {
            pair(steps);
        }
        if (random.nextInt(20) == 0) {
            burst(steps);
        }
        int length = 20 + random.nextInt(40);
        while (steps.size() < length) {
            step(steps);
        }
        if (random.nextInt(10) == 0) {
            steps.add(List.of("close_selector"));
            for (int i = 0; i < 3; i++) {
                step(steps);
            }
        }
        return steps;
    }

    private void step(List<List<Object>> steps) {
        int dice = random.nextInt(100);
        if (dice < 6 && sockets < 120) {
            pair(steps);
        } else if (dice < 26) {
            steps.add(Arrays.asList("register", ref(), mask(10), data()));
        } else if (dice < 34) {
            steps.add(Arrays.asList("unregister", ref()));
        } else if (dice < 48) {
            // Rarely invalid: a registered object's invalid mask ends the comparison (a known difference).
            steps.add(Arrays.asList("modify", ref(), mask(40), data()));
        } else if (dice < 55) {
            steps.add(Arrays.asList("get_key", ref()));
        } else if (dice < 59) {
            steps.add(List.of("get_map"));
        } else if (dice < 74) {
            steps.add(Arrays.asList("select", random.nextInt(3) == 0 ? 5 : 0));
        } else if (dice < 84) {
            steps.add(Arrays.asList("send", socket(), random.nextInt(101)));
        } else if (dice < 91) {
            steps.add(Arrays.asList("recv", socket(), 1 + random.nextInt(200)));
        } else if (dice < 94) {
            steps.add(Arrays.asList("shutdown", socket(), random.nextInt(3)));
        } else {
            steps.add(Arrays.asList("close", socket()));
        }
    }

    /** More than 64 keys at once: 36 pairs, every end registered. */
    private void burst(List<List<Object>> steps) {
        int first = sockets;
        for (int i = 0; i < 36; i++) {
            pair(steps);
        }
        for (int i = first; i < sockets; i++) {
            steps.add(Arrays.asList("register", Arrays.asList("obj", i), 1 + random.nextInt(3), null));
        }
    }

    private void pair(List<List<Object>> steps) {
        steps.add(List.of("pair"));
        sockets += 2;
    }

    private int socket() {
        return random.nextInt(sockets);
    }

    private List<Object> ref() {
        return Arrays.asList(random.nextInt(4) == 0 ? "fd" : "obj", socket());
    }

    /** A valid mask, or one time in {@code oneIn} an invalid one. */
    private int mask(int oneIn) {
        return random.nextInt(oneIn) == 0 ? INVALID_MASKS[random.nextInt(INVALID_MASKS.length)]
                : VALID_MASKS[random.nextInt(VALID_MASKS.length)];
    }

    private Integer data() {
        return random.nextInt(3) == 0 ? null : random.nextInt(4);
    }
}
