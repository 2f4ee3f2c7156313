package dev.selectors.posix.abi;

import dev.selectors.Selector;
import dev.selectors.posix.OsFamily;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our constants as they are on another system. They are static finals chosen by
 * {@link OsFamily#CURRENT} when their class initialises, so this loads a fresh copy of the
 * classes in a loader of its own while {@code os.name} names that system, and reads the values
 * the real initialisers computed. Nothing native is loaded.
 */
public final class ForeignSystem {

    private static final Map<OsFamily, ForeignSystem> VIEWS = new java.util.concurrent.ConcurrentHashMap<>();

    private final OsFamily family;
    private final ClassLoader loader;

    private ForeignSystem(OsFamily family, ClassLoader loader) {
        this.family = family;
        this.loader = loader;
    }

    /**
     * A view of one system.
     *
     * @param family the system
     * @return its view
     */
    public static ForeignSystem of(OsFamily family) {
        // One loader per system for the whole run: the classes initialise once, as on the system.
        return VIEWS.computeIfAbsent(family, system -> {
            URL posix = OsFamily.class.getProtectionDomain().getCodeSource().getLocation();
            URL api = Selector.class.getProtectionDomain().getCodeSource().getLocation();
            return new ForeignSystem(system, new URLClassLoader(new URL[] {posix, api}, ClassLoader.getPlatformClassLoader()));
        });
    }

    /**
     * The {@code int} and {@code short} static finals of a class, public or not, as they are on
     * this system.
     *
     * @param className a class of selectors-posix, e.g. {@code dev.selectors.posix.PosixConstants}
     * @return field name to value
     */
    public Map<String, Long> constants(String className) {
        Class<?> type = initialise(className);
        Map<String, Long> values = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && (field.getType() == int.class || field.getType() == short.class)) {
                field.setAccessible(true);
                try {
                    values.put(field.getName(), ((Number) field.get(null)).longValue());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    /**
     * Calls a static method of a class as it is on this system.
     *
     * @param className  the class
     * @param method     the method's name
     * @param parameters its parameter types
     * @param arguments  its arguments (an {@link OsFamily} is passed as this loader's copy)
     * @return what it returned
     */
    public Object call(String className, String method, Class<?>[] parameters, Object... arguments) {
        Class<?> type = initialise(className);
        try {
            Class<?>[] mapped = new Class<?>[parameters.length];
            Object[] values = arguments.clone();
            for (int i = 0; i < parameters.length; i++) {
                mapped[i] = parameters[i] == OsFamily.class ? loader.loadClass(OsFamily.class.getName()) : parameters[i];
                if (values[i] instanceof OsFamily) {
                    values[i] = Enum.valueOf(mapped[i].asSubclass(Enum.class), ((OsFamily) values[i]).name());
                }
            }
            java.lang.reflect.Method target = type.getDeclaredMethod(method, mapped);
            target.setAccessible(true);
            return target.invoke(null, values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + className + "." + method + ": " + e, e);
        }
    }

    private Class<?> initialise(String className) {
        synchronized (ForeignSystem.class) {
            String real = System.getProperty("os.name");
            System.setProperty("os.name", osName(family));
            try {
                return Class.forName(className, true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(e);
            } finally {
                System.setProperty("os.name", real);
            }
        }
    }

    /** The {@code os.name} each system's JVM reports. */
    private static String osName(OsFamily family) {
        switch (family) {
            case LINUX: return "Linux";
            case DARWIN: return "Mac OS X";
            case FREEBSD: return "FreeBSD";
            case OPENBSD: return "OpenBSD";
            case NETBSD: return "NetBSD";
            case DRAGONFLY: return "DragonFly";
            case SOLARIS: return "SunOS";
            default: throw new IllegalArgumentException(family.name());
        }
    }

    /**
     * Go's name of a system.
     *
     * @param family the system
     * @return {@code linux}, {@code darwin}, ..., {@code solaris}
     */
    public static String goName(OsFamily family) {
        return family == OsFamily.DARWIN ? "darwin" : family.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return family.name();
    }
}
