/**
 * Python's {@code selectors} module for the JVM: the {@code BaseSelector} API
 * ({@link dev.selectors.Selector}), {@code DefaultSelector()} ({@link dev.selectors.Selectors#open()}),
 * and the service interface through which backends are found.
 */
module dev.selectors {
    exports dev.selectors;
    exports dev.selectors.spi;

    uses dev.selectors.spi.SelectorProvider;
}
