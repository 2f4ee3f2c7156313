package dev.selectors.posix;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Python's {@code os.pipe()}: a unidirectional byte channel whose two ends are file objects a
 * selector can watch.
 */
public final class Pipe implements Closeable {

    private final End readEnd;
    private final End writeEnd;

    private Pipe(End readEnd, End writeEnd) {
        this.readEnd = readEnd;
        this.writeEnd = writeEnd;
    }

    /**
     * Python's {@code os.pipe()}: both ends blocking and close-on-exec.
     *
     * @return the pipe
     * @throws IOException pipe(2) failed, for example EMFILE
     */
    public static Pipe open() throws IOException {
        LibC libc = Natives.libc();
        int[] fds = new int[2];
        Errno.check("pipe", libc.pipe(fds));
        return new Pipe(new End(libc, fds[0]), new End(libc, fds[1]));
    }

    /**
     * Returns the end to read from.
     *
     * @return the end to read from
     */
    public End readEnd() {
        return readEnd;
    }

    /**
     * Returns the end to write to.
     *
     * @return the end to write to
     */
    public End writeEnd() {
        return writeEnd;
    }

    /**
     * Closes both ends.
     *
     * @throws IOException closing an end failed
     */
    @Override
    public void close() throws IOException {
        try {
            readEnd.close();
        } finally {
            writeEnd.close();
        }
    }

    /** One end of a pipe: Python's {@code os.read(fd, n)} and {@code os.write(fd, data)}. */
    public static final class End extends Descriptor {

        End(LibC libc, int fd) {
            super(libc, fd, Calls.READ_WRITE);
        }

        /**
         * Python's {@code os.read(fd, n)}.
         *
         * @param n the most bytes to read
         * @return the bytes read; empty at end of stream
         * @throws IOException the read failed
         */
        public byte[] read(int n) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(n);
            int read = transferIn(buffer);
            return Arrays.copyOf(buffer.array(), read);
        }

        /**
         * Reads into a buffer from its position.
         *
         * @param buffer the destination
         * @return the bytes read; 0 at end of stream
         * @throws IOException the read failed
         */
        public int readInto(ByteBuffer buffer) throws IOException {
            return transferIn(buffer);
        }

        /**
         * Python's {@code os.write(fd, data)}.
         *
         * @param data the bytes to write
         * @return how many were written
         * @throws IOException the write failed
         */
        public int write(byte[] data) throws IOException {
            return transferOut(ByteBuffer.wrap(data));
        }

        /**
         * Writes from a buffer's position, advancing it.
         *
         * @param buffer the source
         * @return how many bytes were written
         * @throws IOException the write failed
         */
        public int write(ByteBuffer buffer) throws IOException {
            return transferOut(buffer);
        }

        @Override
        public String toString() {
            return "<pipe end fd=" + fileno() + ">";
        }
    }
}
