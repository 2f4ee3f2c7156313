package dev.selectors.posix;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes and decodes {@code struct sockaddr_in}, {@code sockaddr_in6} and {@code sockaddr_un}.
 * <pre>
 * Linux, illumos:  uint16_t family @0            BSD, macOS:  uint8_t len @0, uint8_t family @1
 * sockaddr_in:  port (big-endian) @2, addr @4; 16 bytes
 * sockaddr_in6: port @2, flowinfo @4, addr[16] @8, scope_id @24; 28 bytes
 *               (32 on illumos and Solaris: {@code __sin6_src_id} @28, and their TCP bind
 *               takes only the exact size)
 * sockaddr_un:  path @2, NUL-terminated
 * </pre>
 */
final class SocketAddresses {

    /** Room for any address: {@code sizeof(struct sockaddr_storage)}. */
    static final int STORAGE_SIZE = 128;
    private static final int IN_SIZE = 16;
    private static final int IN6_SIZE = OsFamily.CURRENT == OsFamily.SOLARIS ? 32 : 28;
    private static final boolean BSD_LAYOUT = OsFamily.CURRENT.isBsd();

    private SocketAddresses() {
    }

    /**
     * Python's address resolution for {@code bind} and {@code connect}: {@code ""} is the
     * wildcard address, a name is resolved and the first address of the socket's family wins.
     */
    static InetSocketAddress resolve(String host, int port, AddressFamily family) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, not " + port);
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(InetAddress.getByName(family == AddressFamily.INET6 ? "::" : "0.0.0.0"), port);
        }
        if (host.equals("<broadcast>")) {
            return new InetSocketAddress(InetAddress.getByName("255.255.255.255"), port);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (family == AddressFamily.INET ? address instanceof Inet4Address : address instanceof Inet6Address) {
                return new InetSocketAddress(address, port);
            }
        }
        throw new UnknownHostException("no " + (family == AddressFamily.INET ? "IPv4" : "IPv6")
                + " address for host '" + host + "'");
    }

    /** Writes {@code address} at offset 0; returns its length. */
    static int encode(ByteBuffer buffer, SocketAddress address, AddressFamily family) {
        if (family == AddressFamily.UNIX) {
            if (!(address instanceof UnixDomainSocketAddress)) {
                throw new IllegalArgumentException("an AF_UNIX socket needs a path, not " + address);
            }
            byte[] path = ((UnixDomainSocketAddress) address).getPath().toString().getBytes(StandardCharsets.UTF_8);
            if (path.length > 100) {
                throw new IllegalArgumentException("AF_UNIX path too long (" + path.length + " bytes)");
            }
            putFamily(buffer, family.value(), 2 + path.length + 1);
            buffer.put(2, path, 0, path.length);
            buffer.put(2 + path.length, (byte) 0);
            return 2 + path.length + 1;
        }
        if (!(address instanceof InetSocketAddress) || ((InetSocketAddress) address).isUnresolved()) {
            throw new IllegalArgumentException("an " + family + " socket needs a resolved host and port, not " + address);
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        byte[] raw = inet.getAddress().getAddress();
        int port = inet.getPort();
        if (family == AddressFamily.INET) {
            if (raw.length != 4) {
                throw new IllegalArgumentException("an AF_INET socket needs an IPv4 address, not " + inet);
            }
            putFamily(buffer, family.value(), IN_SIZE);
            putPort(buffer, port);
            buffer.put(4, raw, 0, 4);
            return IN_SIZE;
        }
        if (raw.length != 16) {
            throw new IllegalArgumentException("an AF_INET6 socket needs an IPv6 address, not " + inet);
        }
        putFamily(buffer, family.value(), IN6_SIZE);
        putPort(buffer, port);
        buffer.putInt(4, 0);
        buffer.put(8, raw, 0, 16);
        buffer.putInt(24, ((Inet6Address) inet.getAddress()).getScopeId());
        if (IN6_SIZE > 28) {
            buffer.putInt(28, 0);
        }
        return IN6_SIZE;
    }

    /** Reads the address at offset 0, {@code length} bytes long. */
    static SocketAddress decode(ByteBuffer buffer, int length) throws UnknownHostException {
        int family = BSD_LAYOUT ? buffer.get(1) & 0xFF : buffer.getShort(0) & 0xFFFF;
        if (family == PosixConstants.AF_INET) {
            byte[] raw = new byte[4];
            buffer.get(4, raw);
            return new InetSocketAddress(InetAddress.getByAddress(raw), port(buffer));
        }
        if (family == PosixConstants.AF_INET6) {
            byte[] raw = new byte[16];
            buffer.get(8, raw);
            int scope = buffer.getInt(24);
            InetAddress address = scope == 0 ? InetAddress.getByAddress(raw)
                    : Inet6Address.getByAddress(null, raw, scope);
            return new InetSocketAddress(address, port(buffer));
        }
        if (family == PosixConstants.AF_UNIX) {
            int end = 2;
            while (end < length && buffer.get(end) != 0) {
                end++;
            }
            byte[] path = new byte[end - 2];
            buffer.get(2, path);
            return UnixDomainSocketAddress.of(new String(path, StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("unknown address family " + family);
    }

    private static void putFamily(ByteBuffer buffer, int family, int length) {
        if (BSD_LAYOUT) {
            buffer.put(0, (byte) length);
            buffer.put(1, (byte) family);
        } else {
            buffer.putShort(0, (short) family);
        }
    }

    private static void putPort(ByteBuffer buffer, int port) {
        buffer.put(2, (byte) (port >>> 8));
        buffer.put(3, (byte) port);
    }

    private static int port(ByteBuffer buffer) {
        return (buffer.get(2) & 0xFF) << 8 | buffer.get(3) & 0xFF;
    }
}
