package dev.selectors.posix.abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Rust's {@code libc} crate as a second independent source, for what Go's x/sys lacks (FreeBSD
 * 11's {@code struct kevent}, the C types of {@code kevent(2)}'s parameters). Its definitions are
 * written per system and checked by the crate's own CI on each of them. Read from Debian's
 * {@code librust-libc-dev} (or the directory {@code -Dselectors.abi.rust} names); a test that
 * needs it is skipped, saying why, when it is absent.
 */
public final class RustLibc {

    /** Where Debian's package installs the crates. */
    public static final Path DEBIAN = Path.of("/usr/share/cargo/registry");

    private static final Pattern ARRAY = Pattern.compile("^\\[(.+);\\s*(\\d+)\\]$");

    private final Path root;

    private RustLibc(Path root) {
        this.root = root;
    }

    /**
     * The installed crate, or a skipped test.
     *
     * @return the crate's sources
     */
    public static RustLibc installed() {
        Path configured = Path.of(System.getProperty("selectors.abi.rust", DEBIAN.toString()));
        Path crate = null;
        if (Files.isDirectory(configured.resolve("src/unix"))) {
            crate = configured;
        } else if (Files.isDirectory(configured)) {
            try (Stream<Path> crates = Files.list(configured)) {
                crate = crates.filter(p -> p.getFileName().toString().matches("libc-0\\.2\\.\\d+"))
                        .max((a, b) -> Integer.compare(patch(a), patch(b))).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path found = crate;
        Assumptions.assumeTrue(found != null, () -> "Rust's libc crate is not installed under " + configured
                + " (Debian: apt-get install librust-libc-dev; .ci/run installs it)");
        return new RustLibc(found);
    }

    private static int patch(Path crate) {
        String name = crate.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('.') + 1));
    }

    /**
     * The fields of a struct, in order.
     *
     * @param file   the module, relative to {@code src/}, e.g. {@code unix/bsd/apple/mod.rs}
     * @param struct the C name, e.g. {@code kevent}
     * @return field name to Rust type
     */
    public Map<String, String> fields(String file, String struct) {
        List<String> lines = read(file);
        Map<String, String> fields = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : lines) {
            String text = line.replaceAll("/\\*.*?\\*/|//.*$", "").trim();
            if (!inside && text.matches("pub struct " + struct + "\\s*\\{")) {
                inside = true;
            } else if (inside && text.startsWith("}")) {
                return fields;
            } else if (inside && text.startsWith("pub ")) {
                Matcher field = Pattern.compile("^pub (\\w+):\\s*(.+?),?$").matcher(text);
                if (field.matches()) {
                    fields.put(field.group(1), field.group(2).trim());
                }
            }
        }
        throw new IllegalArgumentException(this + " has no struct " + struct + " in " + file);
    }

    /**
     * The offsets of a struct's fields and its size (under the key {@code null}), LP64.
     *
     * @param file   the module, relative to {@code src/}
     * @param struct the C name
     * @return field name to offset, and {@code null} to the size
     */
    public Map<String, Long> layout(String file, String struct) {
        return CLayout.of(fields(file, struct), RustLibc::sizeOf, RustLibc::alignOf);
    }

    /**
     * A constant's value.
     *
     * @param file the module, relative to {@code src/}
     * @param name the C name
     * @return its value, or empty when the module does not define it
     */
    public OptionalLong constant(String file, String name) {
        Pattern constant = Pattern.compile("^pub const " + name + ":\\s*[\\w:]+\\s*=\\s*(-?)(0x[0-9a-fA-F_]+|\\d[\\d_]*);.*$");
        for (String line : read(file)) {
            Matcher match = constant.matcher(line.trim());
            if (match.matches()) {
                String digits = match.group(2).replace("_", "");
                long value = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
                return OptionalLong.of(match.group(1).isEmpty() ? value : -value);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The Rust type of one parameter of a C function the module declares.
     *
     * @param file      the module, relative to {@code src/}
     * @param function  the C function, e.g. {@code kevent}
     * @param parameter the parameter's name, e.g. {@code nchanges}
     * @return its type as written, e.g. {@code ::size_t} or {@code ::c_int}
     */
    public String parameterType(String file, String function, String parameter) {
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("pub fn " + function + "(")) {
                StringBuilder declaration = new StringBuilder();
                for (int j = i; j < lines.size() && !declaration.toString().contains(")"); j++) {
                    declaration.append(lines.get(j).trim()).append(' ');
                }
                Matcher match = Pattern.compile("\\b" + parameter + ":\\s*([^,)]+)").matcher(declaration);
                if (match.find()) {
                    return match.group(1).trim();
                }
            }
        }
        throw new IllegalArgumentException(this + " declares no " + function + "(.., " + parameter + ", ..) in " + file);
    }

    /**
     * The symbol Rust links a C function to on one target: its {@code #[link_name]} or the
     * {@code #[cfg_attr(CONDITION, link_name = "...")]} whose condition holds, else the plain
     * name. The first module, in the order given, that declares the function decides.
     *
     * @param files    the modules to search, relative to {@code src/}, most specific first
     * @param function the C function
     * @param os       Rust's {@code target_os}, e.g. {@code netbsd}, {@code illumos}, {@code macos}
     * @param arch     Rust's {@code target_arch}, e.g. {@code x86_64} or {@code aarch64}
     * @return the symbol
     */
    public String linkName(List<String> files, String function, String os, String arch) {
        for (String file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).trim().startsWith("pub fn " + function + "(")) {
                    continue;
                }
                // The attributes above the declaration, each possibly over several lines.
                StringBuilder attributes = new StringBuilder();
                for (int j = i - 1; j >= 0; j--) {
                    String above = lines.get(j).trim();
                    if (above.isEmpty() || above.startsWith("pub fn") || above.endsWith(";") && !above.startsWith("#")
                            || above.equals("}") || above.startsWith("extern")) {
                        break;
                    }
                    attributes.insert(0, above + " ");
                }
                Matcher plain = Pattern.compile("#\\[link_name = \"([^\"]+)\"\\]").matcher(attributes);
                if (plain.find()) {
                    return plain.group(1);
                }
                Matcher conditional = Pattern.compile("#\\[cfg_attr\\(\\s*(.+?),\\s*link_name = \"([^\"]+)\"\\s*,?\\s*\\)\\]")
                        .matcher(attributes);
                while (conditional.find()) {
                    if (holds(conditional.group(1).trim(), os, arch)) {
                        return conditional.group(2);
                    }
                }
                return function;
            }
        }
        throw new IllegalArgumentException(this + " declares no " + function + " in " + files);
    }

    /** Evaluates a cfg condition: target_os/target_arch equalities under all(), any(), not(). */
    static boolean holds(String condition, String os, String arch) {
        String text = condition.trim();
        Matcher equality = Pattern.compile("^(target_os|target_arch|target_env|target_vendor)\\s*=\\s*\"([^\"]*)\"$").matcher(text);
        if (equality.matches()) {
            String actual = equality.group(1).equals("target_os") ? os
                    : equality.group(1).equals("target_arch") ? arch : "";
            return actual.equals(equality.group(2));
        }
        for (String combinator : new String[] {"all", "any", "not"}) {
            if (text.startsWith(combinator + "(") && text.endsWith(")")) {
                List<String> parts = splitTopLevel(text.substring(combinator.length() + 1, text.length() - 1));
                switch (combinator) {
                    case "all":
                        return parts.stream().allMatch(part -> holds(part, os, arch));
                    case "any":
                        return parts.stream().anyMatch(part -> holds(part, os, arch));
                    default:
                        return !holds(parts.get(0), os, arch);
                }
            }
        }
        return false;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            parts.add(text.substring(start).trim());
        }
        return parts;
    }

    private static long sizeOf(String type) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            return Long.parseLong(array.group(2)) * sizeOf(array.group(1).trim());
        }
        return primitive(type);
    }

    private static long alignOf(String type) {
        Matcher array = ARRAY.matcher(type);
        return array.matches() ? alignOf(array.group(1).trim()) : primitive(type);
    }

    /** LP64 sizes of the C and Rust types the BSD and illumos modules use. */
    private static long primitive(String type) {
        String bare = type.replace("::", "").replace("crate", "").trim();
        if (bare.startsWith("*")) {
            return 8;
        }
        switch (bare) {
            case "i8": case "u8": case "c_char": case "c_uchar": case "c_schar":
                return 1;
            case "i16": case "u16": case "c_short": case "c_ushort":
                return 2;
            case "i32": case "u32": case "c_int": case "c_uint": case "pid_t": case "uid_t": case "gid_t":
                return 4;
            case "i64": case "u64": case "c_long": case "c_ulong": case "intptr_t": case "uintptr_t": case "size_t":
            case "ssize_t": case "off_t": case "time_t":
                return 8;
            default:
                throw new IllegalArgumentException("no LP64 size known for the Rust type " + type);
        }
    }

    private List<String> read(String file) {
        try {
            return Files.readAllLines(root.resolve("src").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Rust " + root.getFileName();
    }
}
