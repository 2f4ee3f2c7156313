/**
 * Python's {@code selectors} module: {@link dev.selectors.Selector} is {@code BaseSelector},
 * {@link dev.selectors.SelectorKey} is {@code SelectorKey}, {@link dev.selectors.Selectors#open()}
 * is {@code DefaultSelector()}, and {@code EVENT_READ}/{@code EVENT_WRITE} are constants of
 * {@code Selector}. The exceptions are Python's {@code KeyError}, {@code ValueError} and
 * {@code OSError} under the names the README's table gives.
 */
package dev.selectors;
