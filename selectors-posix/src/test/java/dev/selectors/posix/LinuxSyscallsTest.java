package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The FFM binding's direct system calls on Linux ({@code dev.selectors.posix.ffm.LinuxSyscalls},
 * Java 22+, reached by reflection from these Java 17 tests): their numbers against the kernel
 * headers installed here, the default path, and what {@code selectors.syscalls} does. The calls'
 * results and errno are covered by every socket and selector test that runs on the FFM binding.
 */
class LinuxSyscallsTest {

    private static final String LINUX_SYSCALLS = "dev.selectors.posix.ffm.LinuxSyscalls";
    private static final Path X86_64_HEADER = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
    private static final Path GENERIC_HEADER = Path.of("/usr/include/asm-generic/unistd.h");

    private static boolean ffmInUse() {
        return Natives.unavailabilityCause() == null && Natives.libc().bindingName().equals("ffm");
    }

    private static long[] numbersFor(String osArch) throws ReflectiveOperationException {
        Method numbersFor = Class.forName(LINUX_SYSCALLS).getDeclaredMethod("numbersFor", String.class);
        numbersFor.setAccessible(true);
        Object numbers = numbersFor.invoke(null, osArch);
        if (numbers == null) {
            return null;
        }
        long[] values = new long[3];
        String[] components = {"recvfrom", "sendto", "epollPwait"};
        for (int i = 0; i < 3; i++) {
            Method accessor = numbers.getClass().getDeclaredMethod(components[i]);
            accessor.setAccessible(true);
            values[i] = (long) accessor.invoke(numbers);
        }
        return values;
    }

    private static long defined(Path header, String name) throws IOException {
        Matcher m = Pattern.compile("#define __NR_" + name + "\\s+(\\d+)").matcher(Files.readString(header));
        assertTrue(m.find(), name + " is not in " + header);
        return Long.parseLong(m.group(1));
    }

    @Test
    void x86_64NumbersAreTheKernelHeaders() throws Exception {
        assertNumbersMatch("amd64", X86_64_HEADER);
    }

    @Test
    void aarch64NumbersAreTheGenericTable() throws Exception {
        assertNumbersMatch("aarch64", GENERIC_HEADER);
    }

    private static void assertNumbersMatch(String osArch, Path header) throws Exception {
        assumeTrue(ffmInUse(), "the FFM binding is not in use");
        assumeTrue(Files.isReadable(header), "no kernel header " + header + " here");
        long[] numbers = numbersFor(osArch);
        assertEquals(defined(header, "recvfrom"), numbers[0]);
        assertEquals(defined(header, "sendto"), numbers[1]);
        assertEquals(defined(header, "epoll_pwait"), numbers[2]);
    }

    @Test
    void otherArchitecturesKeepTheCLibraryWrappers() throws Exception {
        assumeTrue(ffmInUse(), "the FFM binding is not in use");
        assertNull(numbersFor("riscv64"));
        assertNull(numbersFor("ppc64le"));
    }

    @Test
    void directIsTheDefaultOnLinuxAndLibcForcesTheWrappers() throws Exception {
        assumeTrue(ffmInUse(), "the FFM binding is not in use");
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX && numbersFor(System.getProperty("os.arch")) != null,
                "not Linux on x86_64 or aarch64");
        assertEquals("direct system calls: recv -EAGAIN, send 3, recv 3", child(List.of()));
        assertEquals("C library wrappers: recv -EAGAIN, send 3, recv 3", child(List.of("-Dselectors.syscalls=libc")));
    }

    @Test
    void aBadChoiceIsAClearError() throws Exception {
        assumeTrue(ffmInUse(), "the FFM binding is not in use");
        assertEquals("selectors.syscalls='fast' is not a choice; use direct or libc",
                child(List.of("-Dselectors.syscalls=fast")));
    }

    private static String child(List<String> options) throws IOException, InterruptedException {
        Process process = ChildJvm.builder(options, RecvSend.class).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    /** Run in a child JVM: the call path, then a recv that would block, a send, and a recv. */
    public static final class RecvSend {
        public static void main(String[] args) throws IOException {
            Throwable cause = Natives.unavailabilityCause();
            if (cause != null) {
                System.out.println(cause.getMessage());
                return;
            }
            LibC libc = Natives.libc();
            try (Socket.Pair pair = Socket.socketpair(); NativeMemory buffer = libc.allocate(16)) {
                pair.first().setBlocking(false);
                long wouldBlock = libc.recv(pair.first().fileno(), buffer.address(), 16, 0);
                buffer.buffer().put(0, "abc".getBytes(StandardCharsets.US_ASCII));
                long sent = libc.send(pair.second().fileno(), buffer.address(), 3, 0);
                long received = libc.recv(pair.first().fileno(), buffer.address() + 8, 8, 0);
                System.out.println(libc.callPath() + ": recv " + (wouldBlock == -Errno.EAGAIN ? "-EAGAIN" : wouldBlock)
                        + ", send " + sent + ", recv " + received);
            }
        }
    }
}
