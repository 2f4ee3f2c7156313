import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The JDK NIO echo server, after linking and calling one FFM downcall: what the FFM linker's
 * fixed cost adds to a server's resident memory, measured on a server that is not ours.
 * idle-rss.py compiles and runs it (JDK 22+, load-test.jar on the class path).
 */
public final class FfmThenJdkNio {
    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        // The same handle our Linux binding makes all its calls through: syscall(2), errno captured.
        MethodHandle syscall = linker.downcallHandle(linker.defaultLookup().find("syscall").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(1));
        MemorySegment state = Arena.ofAuto().allocate(Linker.Option.captureStateLayout());
        long getpid = 39; // x86_64
        long pid = (long) syscall.invokeExact(state, getpid, 0L, 0L, 0L, 0L, 0L, 0L);
        if (pid != ProcessHandle.current().pid()) {
            throw new IllegalStateException("syscall(getpid) answered " + pid + ": not x86_64 Linux?");
        }
        dev.selectors.loadtest.servers.JdkNioEchoServer.main(args);
    }
}
