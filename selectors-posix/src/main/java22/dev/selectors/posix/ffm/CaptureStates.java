package dev.selectors.posix.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;

/**
 * Each thread's errno capture segment, found in a few instructions.
 *
 * <p>Every downcall passes the calling thread's segment, two or three times per echoed message.
 * A {@link ThreadLocal} lookup costs about 25 instructions there (hash, probe, reference check);
 * here a thread finds its segment in a small table indexed by its thread id, whose entries name
 * their owner: a hit is two loads and a compare. A miss (a thread's first call, or two threads
 * whose ids share a slot) falls back to the ThreadLocal and overwrites the slot. Entries are
 * immutable and a thread uses an entry only if it names that thread, so no segment is ever
 * shared; the table's races only cost misses. It holds at most {@value #SLOTS} entries, so a
 * thread that ended stays reachable only until another thread takes its slot.
 */
final class CaptureStates {

    private static final int SLOTS = 64;
    private static final Owned[] TABLE = new Owned[SLOTS];
    // An automatic arena frees a thread's segment once neither the thread nor the table reaches it.
    private static final ThreadLocal<Owned> OWN = ThreadLocal.withInitial(
            () -> new Owned(Thread.currentThread(), Arena.ofAuto().allocate(Linker.Option.captureStateLayout())));

    /** A segment and the one thread that may pass it. */
    private record Owned(Thread thread, MemorySegment segment) {
    }

    private CaptureStates() {
    }

    /**
     * Returns the calling thread's segment.
     *
     * @return the calling thread's segment
     */
    static MemorySegment current() {
        Thread thread = Thread.currentThread();
        Owned slot = TABLE[slot(thread)];
        if (slot != null && slot.thread == thread) {
            return slot.segment;
        }
        return miss(thread);
    }

    private static MemorySegment miss(Thread thread) {
        Owned mine = OWN.get();
        TABLE[slot(thread)] = mine;
        return mine.segment;
    }

    private static int slot(Thread thread) {
        return (int) thread.threadId() & (SLOTS - 1);
    }
}
