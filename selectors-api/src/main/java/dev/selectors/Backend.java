package dev.selectors;

/**
 * One line of {@link Selectors#backends()}: a backend found on the class path and whether it
 * works here.
 *
 * @param name      the name {@link Selectors#open(String)} takes
 * @param priority  how strongly {@link Selectors#open()} prefers it
 * @param available whether it works on this machine
 * @param reason    why it does not; {@code null} when available
 */
public record Backend(String name, int priority, boolean available, String reason) {

    @Override
    public String toString() {
        return name + (available ? " (available)" : " (unavailable: " + reason + ")");
    }
}
