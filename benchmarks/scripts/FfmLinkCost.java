import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.management.ManagementFactory;

/**
 * How much heap linking FFM downcall handles allocates: libc functions linked one by one, with
 * errno capture as our bindings do, printing the bytes each link allocated. Functions with the
 * same C signature share the linker's generated code, so only a new signature costs much.
 *
 * <p>Run with a JDK 22 or newer, from the repository root:
 * {@code java --enable-native-access=ALL-UNNAMED benchmarks/scripts/FfmLinkCost.java}
 */
public class FfmLinkCost {

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    public static void main(String[] args) {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option capture = Linker.Option.captureCallState("errno");
        // name, then the signature: return type, ':', argument types (i = int, l = long or pointer)
        String[][] functions = {
            {"close", "i:i"}, {"listen", "i:ii"}, {"shutdown", "i:ii"}, {"recv", "l:illi"}, {"send", "l:illi"},
            {"read", "l:ill"}, {"write", "l:ill"}, {"bind", "i:ili"}, {"connect", "i:ili"},
            {"getsockname", "i:ill"}, {"socket", "i:iii"}, {"setsockopt", "i:iiili"},
        };
        long start = allocated();
        long previous = start;
        for (String[] function : functions) {
            String[] signature = function[1].split(":");
            MemoryLayout[] arguments = new MemoryLayout[signature[1].length()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = signature[1].charAt(i) == 'i' ? JAVA_INT : JAVA_LONG;
            }
            FunctionDescriptor descriptor = FunctionDescriptor.of(signature[0].equals("i") ? JAVA_INT : JAVA_LONG, arguments);
            linker.downcallHandle(libc.find(function[0]).orElseThrow(), descriptor, capture);
            long now = allocated();
            System.out.printf("%-12s %-8s %,9d bytes%n", function[0], function[1], now - previous);
            previous = now;
        }
        System.out.printf("total %,d bytes%n", previous - start);
    }
}
