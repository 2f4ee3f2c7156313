package dev.selectors.linux;

/**
 * Runs {@code EpollSelectAllocationTest} once in this JVM, outside any test runner, and prints
 * the heap bytes its selects allocated (0 when it passed). Compiled and run by
 * allocating-jvms.py, which puts selectors-linux's test classes on the class path.
 */
public final class EpollSelectAllocationOnce {

    private EpollSelectAllocationOnce() {
    }

    public static void main(String[] args) throws Exception {
        try {
            new EpollSelectAllocationTest().selectAllocatesNothingOnTheHeap();
            System.out.println("allocated 0");
        } catch (AssertionError e) {
            System.out.println("allocated " + e.getMessage().split(" ")[0]);
        }
    }
}
