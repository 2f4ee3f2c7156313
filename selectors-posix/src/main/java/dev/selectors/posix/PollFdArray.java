package dev.selectors.posix;

import dev.selectors.spi.NativeResource;

/**
 * A growable native array of {@code struct pollfd}, the same on every Unix (ABI.md):
 * <pre>
 * struct pollfd {
 *     int   fd;       // offset 0
 *     short events;   // offset 4
 *     short revents;  // offset 6
 * };                  // size 8
 * </pre>
 * Entries are kept dense (removal moves the last entry into the hole) so that poll(2) gets one
 * contiguous array. It grows on {@link #add}, never during a wait.
 */
public final class PollFdArray implements NativeResource {

    /** {@code sizeof(struct pollfd)}. */
    public static final int SIZE = 8;
    /** {@code offsetof(struct pollfd, fd)}. */
    public static final int OFFSET_FD = 0;
    /** {@code offsetof(struct pollfd, events)}. */
    public static final int OFFSET_EVENTS = 4;
    /** {@code offsetof(struct pollfd, revents)}. */
    public static final int OFFSET_REVENTS = 6;

    private final LibC libc;
    private NativeMemory memory;
    private int capacity;
    private int count;

    /**
     * Allocates the array.
     *
     * @param libc            the binding that allocates its memory
     * @param initialCapacity entries to allocate at first
     */
    public PollFdArray(LibC libc, int initialCapacity) {
        this.libc = libc;
        this.capacity = Math.max(1, initialCapacity);
        this.memory = libc.allocate((long) capacity * SIZE);
    }

    /**
     * Returns the address to pass to poll(2), valid until the next {@link #add}.
     *
     * @return the address to pass to poll(2), valid until the next {@link #add}
     */
    public long address() {
        return memory.address();
    }

    /**
     * Returns the number of entries.
     *
     * @return the number of entries
     */
    public int count() {
        return count;
    }

    /**
     * Appends an entry.
     *
     * @param fd     the file descriptor
     * @param events the POLL* events to watch
     * @return the entry's index
     */
    public int add(int fd, short events) {
        if (count == capacity) {
            grow();
        }
        int index = count++;
        memory.buffer().putInt(index * SIZE + OFFSET_FD, fd);
        setEvents(index, events);
        return index;
    }

    /**
     * Removes an entry by moving the last one into its place.
     *
     * @param index the entry to remove
     * @return the fd of the entry that moved into {@code index}, or -1 if none moved
     */
    public int remove(int index) {
        int last = --count;
        if (index == last) {
            return -1;
        }
        int movedFd = fd(last);
        memory.buffer().putInt(index * SIZE + OFFSET_FD, movedFd);
        setEvents(index, events(last));
        memory.buffer().putShort(index * SIZE + OFFSET_REVENTS, (short) 0);
        return movedFd;
    }

    /**
     * Changes the events an entry watches.
     *
     * @param index an entry
     * @param events the POLL* events to watch from now on
     */
    public void setEvents(int index, short events) {
        memory.buffer().putShort(index * SIZE + OFFSET_EVENTS, events);
    }

    /**
     * Returns its fd.
     *
     * @param index an entry
     * @return its fd
     */
    public int fd(int index) {
        return memory.buffer().getInt(index * SIZE + OFFSET_FD);
    }

    /**
     * Returns the events it watches.
     *
     * @param index an entry
     * @return the events it watches
     */
    public short events(int index) {
        return memory.buffer().getShort(index * SIZE + OFFSET_EVENTS);
    }

    /**
     * Returns the events poll(2) returned for it.
     *
     * @param index an entry
     * @return the events poll(2) returned for it
     */
    public short revents(int index) {
        return memory.buffer().getShort(index * SIZE + OFFSET_REVENTS);
    }

    private void grow() {
        int newCapacity = capacity * 2;
        NativeMemory bigger = libc.allocate((long) newCapacity * SIZE);
        for (int i = 0; i < count * SIZE; i += 8) {
            bigger.buffer().putLong(i, memory.buffer().getLong(i));
        }
        memory.close();
        memory = bigger;
        capacity = newCapacity;
    }

    @Override
    public void close() {
        memory.close();
    }
}
