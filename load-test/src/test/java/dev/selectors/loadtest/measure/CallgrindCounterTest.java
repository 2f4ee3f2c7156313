package dev.selectors.loadtest.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.loadtest.cli.LoadTestCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting a process's instructions over a window with callgrind, as compare --instructions valgrind does. */
class CallgrindCounterTest {

    @Test
    void wrapsTheCommandWithInstrumentationOffAtStart(@TempDir Path dir) {
        Path prefix = dir.resolve("server");
        assertEquals(List.of("valgrind", "--tool=callgrind", "--instr-atstart=no", "--smc-check=all-non-file",
                "--callgrind-out-file=" + prefix + ".%p", "java", "-version"),
                CallgrindCounter.wrap(List.of("java", "-version"), prefix));
    }

    @Test
    void countsOnlyWhileTheWindowIsOpen(@TempDir Path dir) throws Exception {
        assumeTrue(CallgrindCounter.unavailableReason() == null, "valgrind is not installed");
        Path prefix = dir.resolve("busy");
        Process busy = spinUnderCallgrind(dir, prefix);
        try {
            Thread.sleep(1000);
            CallgrindCounter first = CallgrindCounter.start(busy.pid(), prefix);
            Thread.sleep(300);
            long shortWindow = first.stop();
            CallgrindCounter second = CallgrindCounter.start(busy.pid(), prefix);
            Thread.sleep(1500);
            long longWindow = second.stop();
            assertTrue(shortWindow > 100_000, "counted " + shortWindow);
            // Each window is counted from zero: the longer one counts more, not the sum of both.
            assertTrue(longWindow > 2 * shortWindow, shortWindow + " then " + longWindow);
        } finally {
            busy.destroy();
            busy.waitFor(10, TimeUnit.SECONDS);
            busy.destroyForcibly();
        }
    }

    @Test
    void instrumentingAheadOfTheWindowIsNotCounted(@TempDir Path dir) throws Exception {
        assumeTrue(CallgrindCounter.unavailableReason() == null, "valgrind is not installed");
        Path prefix = dir.resolve("busy");
        Process busy = spinUnderCallgrind(dir, prefix);
        try {
            Thread.sleep(1000);
            CallgrindCounter.instrument(busy.pid());
            Thread.sleep(1500);
            CallgrindCounter afterLead = CallgrindCounter.start(busy.pid(), prefix);
            Thread.sleep(300);
            long shortWindow = afterLead.stop();
            CallgrindCounter plain = CallgrindCounter.start(busy.pid(), prefix);
            Thread.sleep(1500);
            long longWindow = plain.stop();
            // Had the 1.5 s lead been counted, the short window would count more than the long one.
            assertTrue(shortWindow > 100_000 && longWindow > 2 * shortWindow, shortWindow + " then " + longWindow);
        } finally {
            busy.destroy();
            busy.waitFor(10, TimeUnit.SECONDS);
            busy.destroyForcibly();
        }
    }

    /** A shell that spins under callgrind: millions of instructions a second, all in user space. */
    private static Process spinUnderCallgrind(Path dir, Path prefix) throws IOException {
        return new ProcessBuilder(CallgrindCounter.wrap(List.of("sh", "-c", "while :; do :; done"), prefix))
                .redirectErrorStream(true).redirectOutput(dir.resolve("valgrind.log").toFile()).start();
    }

    @Test
    void runWithCallgrindOutButNotUnderCallgrindStopsBeforeAnyLoad() {
        assumeTrue(CallgrindCounter.unavailableReason() == null, "valgrind is not installed");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LoadTestCommand.run(new String[] {"run", "--target", "127.0.0.1:9", "--callgrind-out", "/tmp/x"},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, text);
        assertTrue(text.startsWith("load-test: --callgrind-out: ") && text.contains("valgrind --tool=callgrind"), text);
    }

    @Test
    void aProcessNotUnderCallgrindIsAClearError() throws Exception {
        assumeTrue(CallgrindCounter.unavailableReason() == null, "valgrind is not installed");
        IOException e = assertThrows(IOException.class,
                () -> CallgrindCounter.start(ProcessHandle.current().pid(), Path.of("unused")));
        assertTrue(e.getMessage().contains("is it running under valgrind --tool=callgrind?"), e.getMessage());
    }

    @Test
    void aDumpSplitByThreadIsSummedAndOnlyTheLatestDumpCounts(@TempDir Path dir) throws Exception {
        // What callgrind --separate-threads=yes writes: PREFIX.PID.N-TT, one file per thread.
        Files.writeString(dir.resolve("gen.42.1-01"), "events: Ir\nsummary: 1000\n");
        Files.writeString(dir.resolve("gen.42.2-01"), "events: Ir\nsummary: 30\n");
        Files.writeString(dir.resolve("gen.42.2-02"), "events: Ir\nsummary: 12\n");
        Files.writeString(dir.resolve("gen.43.3-01"), "events: Ir\nsummary: 5000\n");
        assertEquals(42, CallgrindCounter.latestDumpCount(dir.resolve("gen"), 42).total());
    }

    @Test
    void aDumpOfOneFileIsItsTotal(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("srv.7.1"), "events: Ir\ntotals: 99\n");
        Files.writeString(dir.resolve("srv.7.10"), "events: Ir\ntotals: 123\n");
        assertEquals(123, CallgrindCounter.latestDumpCount(dir.resolve("srv"), 7).total());
    }

    @Test
    void theJitCompilerThreadsShareIsToldApart(@TempDir Path dir) throws Exception {
        // A Java thread that queued a compilation is not a compiler thread.
        Files.writeString(dir.resolve("gen.9.1-02"), "events: Ir\nsummary: 700\nfn=(1) 0x000000001c07422e\n"
                + "cfn=(3) CompileBroker::compile_method(methodHandle const&, int, int, int)\n");
        Files.writeString(dir.resolve("gen.9.1-10"), "events: Ir\nsummary: 5000\n"
                + "fn=(7) CompileBroker::invoke_compiler_on_method(CompileTask*)\n");
        Files.writeString(dir.resolve("gen.9.1-15"), "events: Ir\nsummary: 300\nfn=(2) syscall\n");
        assertEquals(new CallgrindCounter.Count(6000, 5000), CallgrindCounter.latestDumpCount(dir.resolve("gen"), 9));
    }

    @Test
    void oneFileForTheWholeProcessHasNoThreadSplit(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("srv.5.1"), "events: Ir\ntotals: 800\n"
                + "fn=(7) CompileBroker::invoke_compiler_on_method(CompileTask*)\n");
        assertEquals(new CallgrindCounter.Count(800, 0), CallgrindCounter.latestDumpCount(dir.resolve("srv"), 5));
    }
}
