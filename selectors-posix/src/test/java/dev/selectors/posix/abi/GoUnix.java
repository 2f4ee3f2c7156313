package dev.selectors.posix.abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Go's {@code golang.org/x/sys/unix} as an independent source of ABI facts: its
 * {@code zerrors_<os>_<arch>.go} and {@code ztypes_<os>_<arch>.go} were generated on each real
 * system by {@code mkerrors.sh} and {@code cgo -godefs}, from that system's own headers, so they
 * owe nothing to our transcriptions. Read from Debian's {@code golang-golang-x-sys-dev} (or the
 * directory {@code -Dselectors.abi.go} names); a test that needs it is skipped, saying why, when
 * it is absent.
 */
public final class GoUnix {

    /** Where Debian's package installs the sources. */
    public static final Path DEBIAN = Path.of("/usr/share/gocode/src/golang.org/x/sys/unix");

    private static final Pattern CONSTANT = Pattern.compile(
            "^\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+=\\s+(?:syscall\\.Errno\\()?(-?0x[0-9a-fA-F]+|-?\\d+)\\)?\\s*(?://.*)?$");
    private static final Pattern STRUCT = Pattern.compile("^type (\\w+) struct \\{\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s+(\\w+)\\s+(\\S+)\\s*(?://.*|/\\*.*\\*/)?\\s*$");
    private static final Pattern ARRAY = Pattern.compile("^\\[(\\d+)\\](.+)$");

    private final String os;
    private final String arch;
    private final Map<String, Long> constants = new HashMap<>();
    private final Map<String, List<String[]>> structs = new HashMap<>();

    private GoUnix(Path directory, String os, String arch) {
        this.os = os;
        this.arch = arch;
        for (String file : new String[] {"zerrors_" + os + ".go", "zerrors_" + os + "_" + arch + ".go",
            "ztypes_" + os + ".go", "ztypes_" + os + "_" + arch + ".go", "zsysnum_" + os + "_" + arch + ".go"}) {
            Path path = directory.resolve(file);
            if (Files.exists(path)) {
                read(path);
            }
        }
    }

    /**
     * The generated files of one system and architecture, or a skipped test when the sources are
     * not installed.
     *
     * @param os   Go's name of the system: {@code darwin}, {@code freebsd}, {@code solaris}, ...
     * @param arch Go's name of the architecture: {@code amd64} or {@code arm64}
     * @return the parsed files
     */
    public static GoUnix of(String os, String arch) {
        Path directory = directory();
        Assumptions.assumeTrue(Files.exists(directory.resolve("ztypes_" + os + "_" + arch + ".go")),
                () -> "Go's x/sys/unix has no ztypes_" + os + "_" + arch + ".go in " + directory);
        return new GoUnix(directory, os, arch);
    }

    /**
     * Whether x/sys/unix has files for that system and architecture.
     *
     * @param os   Go's name of the system
     * @param arch Go's name of the architecture
     * @return {@code true} when the sources are installed and cover it
     */
    public static boolean has(String os, String arch) {
        return Files.exists(directory().resolve("ztypes_" + os + "_" + arch + ".go"));
    }

    private static Path directory() {
        Path directory = Path.of(System.getProperty("selectors.abi.go", DEBIAN.toString()));
        Assumptions.assumeTrue(Files.isDirectory(directory), () -> "Go's golang.org/x/sys/unix is not installed at "
                + directory + " (Debian: apt-get install golang-golang-x-sys-dev; .ci/run installs it)");
        return directory;
    }

    /**
     * A constant as the system's headers define it ({@code EVFILT_USER}, {@code EAGAIN},
     * {@code SizeofSockaddrInet6}, {@code SYS_EPOLL_WAIT}).
     *
     * @param name the Go name, which for constants is the C name
     * @return its value, or empty when Go does not define it for this system
     */
    public OptionalLong constant(String name) {
        Long value = constants.get(name);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * The size of a struct, computed from its fields as cgo laid them out (padding included as
     * the {@code Pad_cgo_N} fields and alignment it wrote).
     *
     * @param struct Go's name of the struct, e.g. {@code Kevent_t}
     * @return its size in bytes
     */
    public long sizeof(String struct) {
        return layout(struct).get(null);
    }

    /**
     * The offset of each field of a struct.
     *
     * @param struct Go's name of the struct
     * @return field name to offset, in declaration order
     */
    public Map<String, Long> offsets(String struct) {
        Map<String, Long> offsets = new LinkedHashMap<>(layout(struct));
        offsets.remove(null);
        return offsets;
    }

    /**
     * The size of one element of an array field, e.g. the word of {@code FdSet.Bits}.
     *
     * @param struct Go's name of the struct
     * @param field  the array field
     * @return the element's size in bytes
     */
    public long elementSize(String struct, String field) {
        for (String[] declared : structs.getOrDefault(struct, List.of())) {
            Matcher array = ARRAY.matcher(declared[1]);
            if (declared[0].equals(field) && array.matches()) {
                return sizeOf(array.group(2));
            }
        }
        throw new IllegalArgumentException(struct + "." + field + " is not an array in " + this);
    }

    /** Field offsets, and the size under the key {@code null}. */
    private Map<String, Long> layout(String struct) {
        List<String[]> fields = structs.get(struct);
        if (fields == null) {
            throw new IllegalArgumentException("x/sys/unix defines no struct " + struct + " for " + os + "/" + arch);
        }
        Map<String, String> types = new LinkedHashMap<>();
        for (String[] field : fields) {
            types.put(field[0], field[1]);
        }
        return CLayout.of(types, this::sizeOf, this::alignOf);
    }

    private long sizeOf(String type) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            return Long.parseLong(array.group(1)) * sizeOf(array.group(2));
        }
        Long primitive = primitive(type);
        return primitive != null ? primitive : sizeof(type);
    }

    private long alignOf(String type) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            return alignOf(array.group(2));
        }
        Long primitive = primitive(type);
        if (primitive != null) {
            return primitive;
        }
        long align = 1;
        for (String[] field : structs.get(type)) {
            align = Math.max(align, alignOf(field[1]));
        }
        return align;
    }

    /** LP64 sizes of Go's fixed-width types (x/sys only has 64-bit files for our systems). */
    private static Long primitive(String type) {
        if (type.startsWith("*")) {
            return 8L;
        }
        switch (type) {
            case "int8": case "uint8": case "byte": case "bool":
                return 1L;
            case "int16": case "uint16":
                return 2L;
            case "int32": case "uint32": case "_C_int": case "float32":
                return 4L;
            case "int64": case "uint64": case "uintptr": case "int": case "uint": case "_C_long": case "float64":
                return 8L;
            default:
                return null;
        }
    }

    private void read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> fields = null;
        for (String line : lines) {
            Matcher struct = STRUCT.matcher(line);
            if (struct.matches()) {
                fields = new ArrayList<>();
                structs.put(struct.group(1), fields);
                continue;
            }
            if (fields != null) {
                if (line.startsWith("}")) {
                    fields = null;
                } else {
                    Matcher field = FIELD.matcher(line);
                    if (field.matches()) {
                        fields.add(new String[] {field.group(1), field.group(2)});
                    }
                }
                continue;
            }
            Matcher constant = CONSTANT.matcher(line);
            if (constant.matches()) {
                String text = constant.group(2);
                boolean negative = text.startsWith("-");
                String digits = negative ? text.substring(1) : text;
                long value = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16)
                        : Long.parseLong(digits);
                constants.putIfAbsent(constant.group(1), negative ? -value : value);
            }
        }
    }

    @Override
    public String toString() {
        return "x/sys/unix " + os + "/" + arch;
    }
}
