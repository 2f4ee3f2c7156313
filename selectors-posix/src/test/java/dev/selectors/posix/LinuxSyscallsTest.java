package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The FFM binding's direct system calls on Linux: their numbers ({@link SyscallNumbers}) against
 * the kernel headers installed here, the default path, and what {@code selectors.syscalls} does.
 * The calls' results and errno are covered by every socket and selector test that runs on the
 * FFM binding.
 */
class LinuxSyscallsTest {

    private static final Path X86_64_HEADER = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
    private static final Path GENERIC_HEADER = Path.of("/usr/include/asm-generic/unistd.h");

    private static boolean ffmInUse() {
        return Natives.unavailabilityCause() == null && Natives.libc().bindingName().equals("ffm");
    }

    private static Map<String, Long> numbersFor(String osArch) {
        return SyscallNumbers.forArch(osArch);
    }

    /** A header's {@code __NR_name}, following the generic table's {@code __NR3264_} aliases. */
    private static long defined(Path header, String name) throws IOException {
        String text = Files.readString(header);
        Matcher m = Pattern.compile("#define __NR_" + name + "\\s+(\\w+)").matcher(text);
        assertTrue(m.find(), name + " is not in " + header);
        String value = m.group(1);
        if (value.startsWith("__NR3264_")) {
            Matcher alias = Pattern.compile("#define " + value + "\\s+(\\d+)").matcher(text);
            assertTrue(alias.find(), value + " is not in " + header);
            value = alias.group(1);
        }
        return Long.parseLong(value);
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
        assumeTrue(Files.isReadable(header), "no kernel header " + header + " here");
        Map<String, Long> numbers = numbersFor(osArch);
        // Every call the C library binding makes directly, so that none is left on a wrong or
        // missing number (epoll's are checked in selectors-linux).
        assertEquals(18, numbers.size(), numbers.toString());
        for (Map.Entry<String, Long> call : numbers.entrySet()) {
            assertEquals(defined(header, call.getKey()), call.getValue(), osArch + " " + call.getKey());
        }
    }

    @Test
    void otherArchitecturesKeepTheCLibraryWrappers() {
        assertNull(numbersFor("riscv64"));
        assertNull(numbersFor("ppc64le"));
    }

    @Test
    void directIsTheDefaultOnLinuxAndLibcForcesTheWrappers() throws Exception {
        assumeTrue(ffmInUse(), "the FFM binding is not in use");
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX && numbersFor(System.getProperty("os.arch")) != null,
                "not Linux on x86_64 or aarch64");
        assumeTrue(System.getProperty("selectors.syscalls", "").isEmpty(), "this run chose the call path");
        String calls = ": recv -EAGAIN, send 3, recv 3; tcp xyz then 0 at EOF, nodelay 1, peer matches";
        assertEquals("direct system calls" + calls, child(List.of()));
        assertEquals("direct system calls" + calls, child(List.of("-Dselectors.syscalls=")));
        assertEquals("C library wrappers" + calls, child(List.of("-Dselectors.syscalls=libc")));
    }

    /** So that {@code mvn verify -Dselectors.syscalls=libc} (a .ci/run stage) tests what it says. */
    @Test
    void theTestsRunOnTheCallPathTheBuildChose() {
        assumeTrue(ffmInUse(), "the FFM binding is not in use");
        assumeTrue(OsFamily.CURRENT == OsFamily.LINUX && numbersFor(System.getProperty("os.arch")) != null,
                "not Linux on x86_64 or aarch64");
        String chosen = System.getProperty("selectors.syscalls", "");
        assertEquals(chosen.equals("libc") ? "C library wrappers" : "direct system calls", Natives.libc().callPath());
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

    /** Run in a child JVM: the call path, a recv that would block, a send and a recv, then a TCP exchange. */
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
                System.out.print(libc.callPath() + ": recv " + (wouldBlock == -Errno.EAGAIN ? "-EAGAIN" : wouldBlock)
                        + ", send " + sent + ", recv " + received);
            }
            // The other calls a TCP server and client make: socket, setsockopt, bind, listen,
            // getsockname, connect, accept4, getsockopt, getpeername, shutdown, read via recv, close.
            try (Socket server = Socket.listenLoopback(1); Socket client = new Socket()) {
                client.connect(server.getsockname());
                try (Socket accepted = server.accept().socket()) {
                    client.setsockopt(SocketOption.TCP_NODELAY, 1);
                    client.sendall("xyz".getBytes(StandardCharsets.US_ASCII));
                    client.shutdown(Socket.SHUT_WR);
                    String got = new String(accepted.recv(10), StandardCharsets.US_ASCII);
                    System.out.println("; tcp " + got + " then " + accepted.recv(10).length + " at EOF, nodelay "
                            + client.getsockopt(SocketOption.TCP_NODELAY) + ", peer "
                            + (accepted.getpeername().equals(client.getsockname()) ? "matches" : "differs"));
                }
            }
        }
    }
}
