package dev.selectors.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParsingTest {

    @Test
    void sizesAndRanges() {
        assertEquals(new SizeRange(64, 64), SizeRange.parse("64"));
        assertEquals(new SizeRange(1024, 1024), SizeRange.parse("1k"));
        assertEquals(new SizeRange(4096, 4096), SizeRange.parse("4KiB"));
        assertEquals(new SizeRange(1 << 20, 1 << 20), SizeRange.parse("1m"));
        assertEquals(new SizeRange(64, 4096), SizeRange.parse("64-4k"));
        assertThrows(IllegalArgumentException.class, () -> SizeRange.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> SizeRange.parse("4k-64"));
        assertThrows(IllegalArgumentException.class, () -> SizeRange.parse("big"));
    }

    @Test
    void loadsHaveOneGrammarAndOneLabel() {
        Load pipeline = Load.parse("pipeline16:100:4k");
        assertEquals(Load.Mode.PIPELINE, pipeline.mode());
        assertEquals(16, pipeline.pipeline());
        assertEquals("pipeline16 100x" + SizeRange.parse("4k"), pipeline.label());
        Load open = Load.parse("rate5000:10:64-1k");
        assertEquals(Load.Mode.OPEN_LOOP, open.mode());
        assertEquals(5000, open.rate());
        assertEquals("open loop 5000 msg/s, 10 connections, " + SizeRange.parse("64-1k"), open.describe());
        assertEquals(Load.Mode.IDLE, Load.parse("idle:1000:0").mode());
        assertEquals(Load.pingPong(1, SizeRange.parse("64")), Load.parse("pingpong:1:64"));
        for (String label : new String[] {"pingpong:1:64", "pipeline4:20:1-20k", "rate100:3:64"}) {
            assertEquals(Load.parse(label), Load.parse(label.toUpperCase(java.util.Locale.ROOT)));
        }
        for (String bad : new String[] {"fast:1:64", "pingpong:0:64", "pipeline0:1:64", "rate0:1:64", "pingpong:1",
                                        "pingpong:1:big", "pingpong:99999999999:64"}) {
            assertThrows(IllegalArgumentException.class, () -> Load.parse(bad), bad);
        }
    }

    @Test
    void durationsTakeEveryUnitDownToNanoseconds() {
        assertEquals(java.time.Duration.ofNanos(250), DurationText.parse("250ns"));
        assertEquals(java.time.Duration.ofNanos(200_000), DurationText.parse("200us"));
        assertEquals(java.time.Duration.ofNanos(1_500), DurationText.parse("1.5µs"));
        assertEquals(java.time.Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(java.time.Duration.ofMillis(1500), DurationText.parse("1.5"));
        assertEquals(java.time.Duration.ofMinutes(2), DurationText.parse("2m"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("-1s"));
    }

    @Test
    void targets() {
        assertEquals(new Target("127.0.0.1", 1234), Target.parse("127.0.0.1:1234"));
        assertEquals(new Target("::1", 80), Target.parse("[::1]:80"));
        assertEquals("[::1]:80", Target.parse("[::1]:80").toString());
        assertThrows(IllegalArgumentException.class, () -> Target.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("::1:80"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("host:99999"));
    }

    @Test
    void patternWindowsAreContiguousForAnyOffset() {
        var view = Pattern.newView();
        int shift = Pattern.shift(7);
        var whole = Pattern.newView();
        for (long offset : new long[] {0, 1, Pattern.PERIOD - 1, Pattern.PERIOD, 3L * Pattern.PERIOD + 17}) {
            Pattern.window(view, Pattern.index(shift, offset), 100);
            Pattern.window(whole, Pattern.index(shift, offset + 1), 99);
            assertEquals(100, view.remaining());
            assertEquals(view.get(view.position() + 1), whole.get(whole.position()));
        }
    }

    @Test
    void advancingAnIndexLandsWhereTheOffsetDoes() {
        int shift = Pattern.shift(11);
        int index = Pattern.index(shift, 0);
        long offset = 0;
        for (int step : new int[] {1, 64, Pattern.PERIOD - 1, Pattern.PERIOD, 4096, 7, Pattern.PERIOD}) {
            index = Pattern.advance(index, step);
            offset += step;
            assertEquals(Pattern.index(shift, offset), index, "after " + offset + " bytes");
        }
    }
}
