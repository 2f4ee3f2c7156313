package dev.selectors.linux;

import dev.selectors.Selector;
import dev.selectors.tck.SelectorContract;
import java.io.IOException;

/** The contract on {@link EpollSelector}. */
class EpollSelectorConformanceTest extends SelectorContract {

    @Override
    protected Selector newSelector() throws IOException {
        return new EpollSelector();
    }

    @Override
    protected boolean kernelChecksFdsOnRegister() {
        return true;
    }

    @Override
    protected String noSubMillisecondTimeouts() {
        // epoll_pwait2 came with Linux 5.11; before it, epoll_wait's whole milliseconds.
        String[] version = System.getProperty("os.version", "0.0").split("[.-]");
        int major = Integer.parseInt(version[0]);
        int minor = version.length > 1 && version[1].matches("\\d+") ? Integer.parseInt(version[1]) : 0;
        return major > 5 || (major == 5 && minor >= 11) ? null
                : "Linux " + System.getProperty("os.version") + " has no epoll_pwait2 (5.11+): epoll waits whole milliseconds";
    }
}
