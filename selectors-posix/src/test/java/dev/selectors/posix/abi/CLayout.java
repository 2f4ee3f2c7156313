package dev.selectors.posix.abi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/** C's struct layout rules (each field at its alignment, the size rounded to the largest), once. */
final class CLayout {

    private CLayout() {
    }

    /**
     * Lays out a struct.
     *
     * @param fields  field name to type, in declaration order
     * @param sizeOf  the size of a type
     * @param alignOf the alignment of a type
     * @return field name to offset, and {@code null} to the struct's size
     */
    static Map<String, Long> of(Map<String, String> fields, ToLongFunction<String> sizeOf, ToLongFunction<String> alignOf) {
        Map<String, Long> result = new LinkedHashMap<>();
        long offset = 0;
        long maxAlign = 1;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            long align = alignOf.applyAsLong(field.getValue());
            offset = (offset + align - 1) / align * align;
            result.put(field.getKey(), offset);
            offset += sizeOf.applyAsLong(field.getValue());
            maxAlign = Math.max(maxAlign, align);
        }
        result.put(null, (offset + maxAlign - 1) / maxAlign * maxAlign);
        return result;
    }
}
