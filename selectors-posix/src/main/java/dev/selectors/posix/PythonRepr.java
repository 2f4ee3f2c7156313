package dev.selectors.posix;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/**
 * Python's {@code repr()} of the values the documented echo example prints, so that the Java
 * example prints the same lines: {@code b'hello\n'}, {@code ('127.0.0.1', 54321)}.
 */
public final class PythonRepr {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonRepr() {
    }

    /**
     * Python's {@code repr(bytes)}.
     *
     * @param data   the bytes
     * @param length how many of them
     * @return for example {@code b'hi\n'}, or {@code b"it's"} when the bytes hold a quote and
     *         no double quote
     */
    public static String bytes(byte[] data, int length) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (int i = 0; i < length; i++) {
            hasSingle |= data[i] == '\'';
            hasDouble |= data[i] == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder text = new StringBuilder(length + 3).append('b').append(quote);
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xFF;
            if (b == quote || b == '\\') {
                text.append('\\').append((char) b);
            } else if (b == '\t') {
                text.append("\\t");
            } else if (b == '\n') {
                text.append("\\n");
            } else if (b == '\r') {
                text.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                text.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xF]);
            } else {
                text.append((char) b);
            }
        }
        return text.append(quote).toString();
    }

    /**
     * Python's repr of a socket address: {@code ('127.0.0.1', 1234)} for IPv4,
     * {@code ('::1', 1234, 0, 0)} for IPv6, the quoted path for AF_UNIX.
     *
     * @param address an address from a {@link Socket}
     * @return its Python form
     */
    public static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) address;
            String host = inet.getAddress().getHostAddress();
            if (inet.getAddress() instanceof java.net.Inet6Address) {
                int percent = host.indexOf('%');
                int scope = ((java.net.Inet6Address) inet.getAddress()).getScopeId();
                return "('" + compressIpv6(percent < 0 ? host : host.substring(0, percent)) + "', "
                        + inet.getPort() + ", 0, " + scope + ")";
            }
            return "('" + host + "', " + inet.getPort() + ")";
        }
        if (address instanceof UnixDomainSocketAddress) {
            return "'" + ((UnixDomainSocketAddress) address).getPath() + "'";
        }
        return String.valueOf(address);
    }

    /** Java writes 0:0:0:0:0:0:0:1; Python writes ::1. */
    private static String compressIpv6(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength && j - i > 1) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
