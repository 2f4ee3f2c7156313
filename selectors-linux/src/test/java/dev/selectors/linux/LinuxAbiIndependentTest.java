package dev.selectors.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selectors.posix.SyscallNumbers;
import dev.selectors.posix.abi.GoUnix;
import java.lang.reflect.Field;

import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * epoll's constants, {@code struct epoll_event} and the system call numbers of the FFM binding's
 * direct calls, per architecture, checked against Go's x/sys/unix (its zerrors, ztypes and
 * zsysnum files for linux/amd64 and linux/arm64, generated from the kernel's headers).
 */
class LinuxAbiIndependentTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"amd64, amd64", "arm64, aarch64"})
    void epollIsTheKernelsOwn(String goArch, String javaArch) throws IllegalAccessException {
        GoUnix go = GoUnix.of("linux", goArch);
        int compared = 0;
        for (Field field : Epoll.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                OptionalLong theirs = go.constant(field.getName());
                assertTrue(theirs.isPresent(), go + " has no " + field.getName());
                assertEquals(theirs.getAsLong(), field.getInt(null), field.getName() + ", " + go);
                compared++;
            }
        }
        EpollEventLayout layout = EpollEventLayout.forArch(javaArch);
        Map<String, Long> offsets = go.offsets("EpollEvent");
        assertEquals(go.sizeof("EpollEvent"), layout.size(), "sizeof(struct epoll_event), " + go);
        assertEquals(offsets.get("Events"), layout.eventsOffset(), "events, " + go);
        // Go splits the 64-bit data union: its Fd field is where our fd (the data's low half) lies.
        assertEquals(offsets.get("Fd"), layout.dataOffset(), "data, " + go);
        System.out.println("linux " + goArch + ": " + compared + " epoll constants and struct epoll_event equal " + go);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"amd64, amd64", "arm64, aarch64"})
    void directSystemCallNumbersAreTheKernelsOwn(String goArch, String javaArch) {
        Map<String, Long> ours = new TreeMap<>(SyscallNumbers.forArch(javaArch));
        ours.putAll(EpollSyscallNumbers.forArch(javaArch));
        // Every call the FFM bindings make directly: the C library's and epoll's.
        assertEquals(23, ours.size(), ours.toString());
        GoUnix go = GoUnix.of("linux", goArch);
        for (Map.Entry<String, Long> call : ours.entrySet()) {
            String name = "SYS_" + call.getKey().toUpperCase(Locale.ROOT);
            OptionalLong theirs = go.constant(name);
            assertTrue(theirs.isPresent(), go + " has no " + name);
            assertEquals(theirs.getAsLong(), call.getValue(), name + ", " + go);
        }
    }
}
