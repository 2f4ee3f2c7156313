package example;

import dev.selectors.ReadyKey;
import dev.selectors.Selector;
import dev.selectors.Selectors;
import dev.selectors.posix.Socket;
import java.time.Duration;

public class Hello {
    public static void main(String[] args) throws Exception {
        try (Selector sel = Selectors.open(); Socket.Pair pair = Socket.socketpair()) {
            sel.register(pair.first(), Selector.EVENT_READ, "data");
            pair.second().sendall("hello".getBytes());
            for (ReadyKey ready : sel.select(Duration.ofSeconds(1))) {
                Socket socket = (Socket) ready.key().fileobj();
                System.out.println(new String(socket.recv(1024)) + " from " + sel.backendName());
            }
        }
    }
}
