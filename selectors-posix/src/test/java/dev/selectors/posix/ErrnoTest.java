package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.ErrnoException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void exceptionsCarryTheCallTheNumberTheNameAndTheDescription() {
        ErrnoException e = Errno.exception("recv", Errno.ECONNRESET);

        assertEquals("recv", e.call());
        assertEquals(Errno.ECONNRESET, e.errno());
        assertEquals("ECONNRESET", e.errnoName());
        assertTrue(e.getMessage().startsWith("recv: ECONNRESET ("), e.getMessage());
    }

    @Test
    void eagainIsPythonsBlockingIOError() {
        assertTrue(Errno.exception("send", Errno.EAGAIN) instanceof BlockingIOException);
    }

    @Test
    void eagainIsCheapFlowControlWithoutAStackTraceButWithItsMessage() {
        ErrnoException e = Errno.exception("send", Errno.EAGAIN);
        assertEquals(0, e.getStackTrace().length);
        assertEquals("send: EAGAIN (" + Natives.describe(Errno.EAGAIN) + ")", e.getMessage());
        // Other errors keep their stack trace: they are bugs or failures worth locating.
        assertTrue(Errno.exception("recv", Errno.ECONNRESET).getStackTrace().length > 0);
    }

    @Test
    void unknownNumbersStillGetAName() {
        assertEquals("errno 4000", Errno.name(4000));
    }

    @Test
    void bsdNumbersDifferFromLinuxAboveThirtyFour() {
        assertEquals("EAGAIN", Errno.name(OsFamily.DARWIN, 35));
        assertEquals("ECONNRESET", Errno.name(OsFamily.FREEBSD, 54));
        assertEquals("EDEADLK", Errno.name(OsFamily.OPENBSD, 11));
        assertEquals("EDEADLK", Errno.name(OsFamily.LINUX, 35));
        assertEquals("EPIPE", Errno.name(OsFamily.NETBSD, 32));
    }

    @Test
    void theLinuxTableMatchesCPythonsErrnoModule() throws IOException, InterruptedException {
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX, "the Linux table is checked on Linux");
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c",
                    "import errno\nfor n, name in sorted(errno.errorcode.items()): print(n, name)")
                    .redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 is not installed");
            return;
        }
        int checked = 0;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                int number = Integer.parseInt(parts[0]);
                String ours = Errno.name(number);
                // CPython keeps one name per number; where Linux has aliases we keep the POSIX one.
                boolean alias = (number == 11 && ours.equals("EAGAIN")) || (number == 35 && ours.equals("EDEADLK"))
                        || (number == 95 && ours.equals("EOPNOTSUPP"));
                assertTrue(alias || ours.equals(parts[1]), number + ": ours " + ours + ", CPython " + parts[1]);
                checked++;
            }
        }
        assertTrue(python.waitFor(30, TimeUnit.SECONDS));
        assertTrue(checked > 100, "CPython listed only " + checked + " errnos");
    }
}
