package dev.selectors.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class SocketAddressesTest {

    private final ByteBuffer buffer = ByteBuffer.allocate(SocketAddresses.STORAGE_SIZE).order(ByteOrder.nativeOrder());

    @Test
    void ipv4IsSixteenBytesWithTheFamilyThePortInNetworkOrderAndTheAddress() throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0x1234);

        assertEquals(16, SocketAddresses.encode(buffer, address, AddressFamily.INET));
        assertEquals(0x12, buffer.get(2));
        assertEquals(0x34, buffer.get(3));
        assertEquals(127, buffer.get(4));
        assertEquals(1, buffer.get(7));
        assertEquals(address, SocketAddresses.decode(buffer, 16));
    }

    @Test
    void ipv6IsTwentyEightBytesWithTheAddressAtEight() throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("::1"), 443);

        assertEquals(28, SocketAddresses.encode(buffer, address, AddressFamily.INET6));
        assertEquals(1, buffer.get(8 + 15));
        assertEquals(address, SocketAddresses.decode(buffer, 28));
    }

    @Test
    void unixAddressesRoundTrip() throws Exception {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of("/tmp/selectors.sock");

        int length = SocketAddresses.encode(buffer, address, AddressFamily.UNIX);

        assertEquals(address, SocketAddresses.decode(buffer, length));
    }
}
