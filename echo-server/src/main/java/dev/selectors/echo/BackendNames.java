package dev.selectors.echo;

import dev.selectors.Backend;
import dev.selectors.Selectors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The names {@code --backend} accepts: {@code auto}, and every backend that {@link Selectors}
 * finds through {@link java.util.ServiceLoader}, a third party's on the class path included.
 * Whether one works on this system is told when it is opened.
 */
final class BackendNames implements Iterable<String> {

    /** {@code auto} and every backend's name. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        names.add("auto");
        names.addAll(backends());
        return names;
    }

    /** Every backend's name, best first: the candidates {@code --help} lists. */
    @Override
    public Iterator<String> iterator() {
        return backends().iterator();
    }

    private static List<String> backends() {
        List<String> names = new ArrayList<>();
        for (Backend backend : Selectors.backends()) {
            names.add(backend.name());
        }
        return names;
    }
}
