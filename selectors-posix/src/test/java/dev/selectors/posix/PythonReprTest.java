package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3.11 prints for the same values. */
class PythonReprTest {

    private static String repr(String text) {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        return PythonRepr.bytes(data, data.length);
    }

    @Test
    void bytesLookLikePythons() {
        assertEquals("b'hello'", repr("hello"));
        assertEquals("b'line\\n'", repr("line\n"));
        assertEquals("b\"it's\"", repr("it's"));
        assertEquals("b'both \\' and \"'", repr("both ' and \""));
        assertEquals("b'\\x00\\xff\\\\\\t\\r'", repr("\u0000\u00ff\\\t\r"));
        assertEquals("b''", repr(""));
    }

    @Test
    void addressesLookLikePythonTuples() throws Exception {
        assertEquals("('127.0.0.1', 1234)", PythonRepr.address(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 1234)));
        assertEquals("('::1', 80, 0, 0)", PythonRepr.address(new InetSocketAddress(InetAddress.getByName("::1"), 80)));
        assertEquals("('fe80::1:2', 80, 0, 0)", PythonRepr.address(new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:0:0:1:2"), 80)));
    }
}
