package dev.selectors.loadtest.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds: the grammar, the units, and what each checks. */
class ThresholdTest {

    private static RunResult result(long messages, double p99Micros, double rate) {
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", p99Micros / 4);
        latency.put("p99", p99Micros);
        latency.put("p99.9", p99Micros * 2);
        latency.put("max", p99Micros * 10);
        latency.put("mean", p99Micros / 3);
        return new RunResult("ping-pong", "127.0.0.1:9", 5, messages, 0, 0, rate, 0, latency, List.of(), Map.of(),
                Map.of(), 0, Map.of(), List.of(), 0, false, List.of());
    }

    @Test
    void latenciesTakeAUnitAndRatesAPlainNumber() {
        assertEquals(2000, Threshold.parse("p99<2ms").limit());
        assertEquals(500, Threshold.parse("p99.9 <= 500us").limit());
        assertEquals(0.25, Threshold.parse("p50<250ns").limit(), 1e-9);
        assertEquals(1_500_000, Threshold.parse("max<1.5s").limit());
        assertEquals(50_000, Threshold.parse("rate>50000").limit());
        assertTrue(Threshold.parse("p99<2ms").less());
        assertFalse(Threshold.parse("rate>=5").less());
        assertTrue(Threshold.parse("rate>=5").orEqual());
    }

    @Test
    void badConditionsSayWhatIsWrong() {
        Map<String, String> cases = Map.of(
                "p99", "is not a threshold",
                "p99<2", "needs a unit",
                "p99<2h", "not 'h'",
                "rate>5ms", "a rate is messages per second",
                "p95<2ms", "no metric 'p95'",
                "p99=2ms", "is not a threshold");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Threshold.parse(bad.getKey()));
            assertTrue(e.getMessage().contains(bad.getValue()), bad.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void eachConditionIsCheckedAgainstItsMetric() {
        RunResult run = result(1000, 1500, 60_000);
        assertTrue(Threshold.parse("p99<2ms").check(run).passed());
        assertFalse(Threshold.parse("p99<1ms").check(run).passed());
        assertEquals(1500, Threshold.parse("p99<1ms").check(run).measured());
        assertTrue(Threshold.parse("p99<=1500us").check(run).passed());
        assertFalse(Threshold.parse("p99<1500us").check(run).passed());
        assertFalse(Threshold.parse("p99.9<2ms").check(run).passed());
        assertTrue(Threshold.parse("rate>50000").check(run).passed());
        assertFalse(Threshold.parse("rate>70000").check(run).passed());
        assertEquals("msg/s", Threshold.parse("rate>70000").check(run).unit());
    }

    @Test
    void aLatencyConditionFailsOnAWindowWithoutMessages() {
        Threshold.Verdict verdict = Threshold.parse("p99<2ms").check(result(0, 0, 0));
        assertFalse(verdict.passed());
        assertTrue(Double.isNaN(verdict.measured()));
    }
}
