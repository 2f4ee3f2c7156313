package dev.selectors.posix.ffm;

/**
 * Whether this JVM can use the FFM binding, and whether these jars carry it. The binding itself
 * ({@code FfmLibC} and its helpers in this package) is compiled for Java 22 into the
 * multi-release part of the jar; this class is in the Java 17 part, so the package exists on
 * every Java version and the module can name it in its descriptor.
 */
public final class FfmLayer {

    /** The first Java release with the final FFM API ({@code java.lang.foreign}). */
    public static final int JAVA_VERSION = 22;

    private FfmLayer() {
    }

    /**
     * Whether the running JVM is new enough for the FFM binding.
     *
     * @return {@code true} on Java {@value #JAVA_VERSION} and newer
     */
    public static boolean javaSupportsIt() {
        return Runtime.version().feature() >= JAVA_VERSION;
    }

    /**
     * Whether the jar that holds {@code className} carries its FFM part: a jar built with a JDK
     * older than {@value #JAVA_VERSION} has only the JNA binding.
     *
     * @param anchor    a class of the same jar, whose loader finds the FFM class
     * @param className the binary name of a class of the FFM part
     * @return {@code true} when the class file is there
     */
    public static boolean carries(Class<?> anchor, String className) {
        return anchor.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }
}
