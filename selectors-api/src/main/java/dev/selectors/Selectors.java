package dev.selectors;

import dev.selectors.spi.Availability;
import dev.selectors.spi.SelectorProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Opens selectors: Python's {@code DefaultSelector} and the named selector classes.
 *
 * <p>Backends are found with {@link ServiceLoader} as {@link SelectorProvider}s. The system
 * property {@value #BACKEND_PROPERTY} (or, when it is unset, the environment variable
 * {@value #BACKEND_ENV}) forces {@link #open()} to use one backend by name; {@code auto} or an
 * empty value means "choose".
 */
public final class Selectors {

    /** The system property that forces a backend by name. */
    public static final String BACKEND_PROPERTY = "selectors.backend";

    /** The environment variable that forces a backend by name when the property is unset. */
    public static final String BACKEND_ENV = "SELECTORS_BACKEND";

    private static final Comparator<SelectorProvider> BEST_FIRST =
            Comparator.comparingInt(SelectorProvider::priority).reversed()
                    .thenComparing(SelectorProvider::name);

    private Selectors() {
    }

    /**
     * Python's {@code DefaultSelector()}: the best backend available here, unless one is
     * forced by {@value #BACKEND_PROPERTY} or {@value #BACKEND_ENV}.
     *
     * @return a new selector; the caller must close it
     * @throws IOException                  the backend could not open its resources
     * @throws IllegalArgumentException     a forced backend name is unknown
     * @throws BackendUnavailableException  no backend is available, or the forced one is not
     */
    public static Selector open() throws IOException {
        String forced = forcedBackend();
        return forced != null ? open(forced) : openBest();
    }

    /**
     * Opens the backend of that name: Python's {@code EpollSelector()},
     * {@code PollSelector()} and so on.
     *
     * @param name a backend name such as {@code "epoll"}, {@code "poll"} or {@code "select"};
     *             {@code "auto"} means {@link #open()}, which honours a forced backend
     * @return a new selector; the caller must close it
     * @throws IOException                  the backend could not open its resources
     * @throws IllegalArgumentException     no backend has that name
     * @throws BackendUnavailableException  the backend does not work here; the message says why
     */
    public static Selector open(String name) throws IOException {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            return open();
        }
        SelectorProvider provider = provider(wanted);
        Availability availability = provider.availability();
        if (!availability.available()) {
            throw new BackendUnavailableException(
                    "selector backend '" + wanted + "' is unavailable: " + availability.reason(),
                    availability.cause());
        }
        return provider.open();
    }

    /**
     * Not in Python: every backend on the class path, best first, with whether it works here
     * and why not.
     *
     * @return the backends, ordered by priority
     */
    public static List<Backend> backends() {
        List<Backend> result = new ArrayList<>();
        for (SelectorProvider provider : providers()) {
            Availability availability = provider.availability();
            result.add(new Backend(provider.name(), provider.priority(),
                    availability.available(), availability.reason()));
        }
        return result;
    }

    /**
     * The name of the backend {@link #open()} would use, honouring a forced one.
     *
     * @return the backend's name
     * @throws BackendUnavailableException no backend is available, or the forced one is not
     */
    public static String defaultBackendName() {
        String forced = forcedBackend();
        if (forced != null) {
            SelectorProvider provider = provider(forced);
            if (!provider.availability().available()) {
                throw new BackendUnavailableException("selector backend '" + forced
                        + "' is unavailable: " + provider.availability().reason(),
                        provider.availability().cause());
            }
            return provider.name();
        }
        return providers().stream().filter(p -> p.availability().available()).findFirst()
                .map(SelectorProvider::name)
                .orElseThrow(() -> new BackendUnavailableException(
                        "no selector backend is available; backends found: " + backends(), null));
    }

    private static Selector openBest() throws IOException {
        for (SelectorProvider provider : providers()) {
            if (provider.availability().available()) {
                return provider.open();
            }
        }
        throw new BackendUnavailableException(
                "no selector backend is available; backends found: " + backends(), null);
    }

    private static SelectorProvider provider(String name) {
        List<SelectorProvider> all = providers();
        return all.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown selector backend '"
                        + name + "'; known: auto, " + all.stream().map(SelectorProvider::name)
                        .collect(Collectors.joining(", "))));
    }

    private static String forcedBackend() {
        String value = System.getProperty(BACKEND_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(BACKEND_ENV);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        return name.equals("auto") ? null : name;
    }

    private static List<SelectorProvider> providers() {
        return ProvidersHolder.PROVIDERS;
    }

    /** Loads the providers once, on first use. */
    private static final class ProvidersHolder {
        static final List<SelectorProvider> PROVIDERS = load();

        private static List<SelectorProvider> load() {
            List<SelectorProvider> found = new ArrayList<>();
            ClassLoader loader = Selectors.class.getClassLoader();
            ServiceLoader.load(SelectorProvider.class, loader).forEach(found::add);
            found.sort(BEST_FIRST);
            return List.copyOf(found);
        }
    }
}
