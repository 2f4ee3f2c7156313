package dev.selectors.echo;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import java.util.stream.Stream;

/** The backends available on this machine, for parameterized tests. */
final class Backends {

    private Backends() {
    }

    static Stream<String> available() {
        return Selectors.backends().stream().filter(Backend::available).map(Backend::name);
    }
}
