package dev.selectors.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selectors.loadtest.cli.CommandRun;
import dev.selectors.loadtest.generator.ErrorKind;
import dev.selectors.loadtest.generator.Latency;
import dev.selectors.loadtest.generator.Load;
import dev.selectors.loadtest.generator.Recording;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Scenario;
import dev.selectors.loadtest.generator.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load-test merge}: the percentiles of one histogram of every sample, one count, the
 * report run writes; and every input that is not a complete log of a run refused with exit 2.
 */
class MergeTest {

    private static final Scenario LOAD = new Scenario(new Target("127.0.0.1", 1234), Load.parse("pingpong:10:64"),
            Duration.ofSeconds(1), Duration.ofSeconds(5), 0, 1, "auto", Scenario.DEFAULT_SPIN);

    /** Writes a log as run does: five seconds of samples drawn with the generator's own spread. */
    private static Path log(Path dir, String name, Scenario scenario, int generator, Histogram all) throws Exception {
        Random random = new Random(42 + generator);
        Path file = dir.resolve(name);
        long messages = 0;
        try (RunLog log = RunLog.create(file)) {
            log.header(scenario, 1_700_000_000_000L);
            Recording interval = new Recording();
            for (int second = 0; second < 5; second++) {
                interval.reset();
                for (int i = 0; i < 10_000; i++) {
                    long value = (long) (Math.exp(random.nextGaussian() * (generator + 1)) * 50_000) + 1;
                    interval.latency.recordValue(value);
                    all.recordValue(value);
                }
                messages += interval.messages();
                log.interval(interval, 1_700_000_000_000L + second * 1000L, 1_700_000_001_000L + second * 1000L,
                        false, false);
            }
            interval.reset();
            interval.latency.recordValue(70_000);
            all.recordValue(70_000);
            log.interval(interval, 1_700_000_005_000L, 1_700_000_005_200L, true, false);
            Map<String, Long> errors = new LinkedHashMap<>();
            for (ErrorKind kind : ErrorKind.values()) {
                errors.put(kind.label(), kind == ErrorKind.RESET ? (long) generator : 0L);
            }
            log.end(new RunResult(scenario.describe(), "127.0.0.1:1234", 5.0, messages + 1, 1, messages * 64,
                    messages / 5.0, 0, Map.of(), List.of(), Map.of(), Map.of(), 0, errors, List.of(), 3, false,
                    List.of()));
        }
        return file;
    }

    private static CommandRun merge(String... args) {
        List<String> command = new ArrayList<>(List.of("merge"));
        command.addAll(List.of(args));
        return CommandRun.of(command.toArray(String[]::new));
    }

    @Test
    void mergedLogsGiveThePercentilesOfOneHistogramAndOneCount(@TempDir Path dir) throws Exception {
        Histogram all = new Histogram(3);
        List<LogMerge.Log> logs = new ArrayList<>();
        for (int generator = 0; generator < 3; generator++) {
            logs.add(LogMerge.read(log(dir, "gen" + generator + ".hlog", LOAD, generator, all)));
        }

        RunResult merged = LogMerge.merge(logs);

        assertEquals(all.getTotalCount(), merged.messages());
        assertEquals(3, merged.drained());
        for (double percentile : new double[] {50, 90, 99, 99.9, 99.99}) {
            String name = "p" + (percentile == (long) percentile ? String.valueOf((long) percentile) : String.valueOf(percentile));
            assertEquals(Latency.micros(all.getValueAtPercentile(percentile)), merged.latencyMicros().get(name), name);
        }
        assertEquals(Latency.percentiles(all), merged.latencyMicros());
        assertEquals(0 + 1 + 2, merged.errors().get(ErrorKind.RESET.label()));
        assertEquals(5, merged.timeline().size());
        // Three generators of 10,000 messages a second each.
        assertEquals(30_000, merged.timeline().get(0).messagesPerSecond(), 1e-6);
        assertEquals(3 * 50_000 / 5.0, merged.messagesPerSecond(), 1e-6);
    }

    @Test
    void theMergeCommandWritesTheReportsRunWrites(@TempDir Path dir) throws Exception {
        Histogram all = new Histogram(3);
        Path a = log(dir, "a.hlog", LOAD, 0, all);
        Path b = log(dir, "b.hlog", LOAD, 1, all);
        Path json = dir.resolve("merged.json");
        Path html = dir.resolve("merged.html");

        CommandRun outcome = merge(a.toString(), b.toString(), "--json", json.toString(), "--html", html.toString(),
                "--threshold", "p50<1s", "--threshold", "rate>1000000");

        // One generator saw resets: status 1 comes before a failed threshold's 3.
        assertEquals(1, outcome.status(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("merged from 2 logs"), outcome.out());
        assertTrue(outcome.out().contains("threshold p50<1s         passed"), outcome.out());
        assertTrue(outcome.out().contains("threshold rate>1000000   FAILED (measured 20,000 msg/s)"), outcome.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(all.getTotalCount(), report.get("messages").asLong());
        assertEquals(2, report.get("thresholds").size());
        assertTrue(Files.readString(html).contains("<svg"));
    }

    @Test
    void everyInputThatIsNotACompleteLogOfARunIsRefused(@TempDir Path dir) throws Exception {
        Path good = log(dir, "good.hlog", LOAD, 0, new Histogram(3));
        List<String> lines = Files.readAllLines(good);
        Path empty = Files.writeString(dir.resolve("empty.hlog"), "");
        Path page = Files.writeString(dir.resolve("r.html"), "<!DOCTYPE html><html><body>hi</body></html>\n");
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Path json = Files.writeString(dir.resolve("r.json"), "{\"messages\": 5}\n");
        Path noEnd = Files.write(dir.resolve("no-end.hlog"), lines.subList(0, lines.size() - 1));
        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
        String last = cut.remove(cut.size() - 1);
        cut.add(last.substring(0, last.length() / 2));
        Path cutMidLine = Files.write(dir.resolve("cut.hlog"), cut);
        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(lines.size() - 3);
        Path missingInterval = Files.write(dir.resolve("missing.hlog"), dropped);
        List<String> foreign = new ArrayList<>(lines);
        foreign.removeIf(line -> line.startsWith("#" + RunLog.RUN_LINE));
        Path notFromRun = Files.write(dir.resolve("foreign.hlog"), foreign);

        Map<Path, String> expected = new LinkedHashMap<>();
        expected.put(dir.resolve("absent.hlog"), "no such file");
        expected.put(dir, "is a directory");
        expected.put(empty, "is empty");
        expected.put(page, "is not an HdrHistogram log");
        expected.put(passwd, "is not an HdrHistogram log");
        expected.put(json, "is not an HdrHistogram log");
        expected.put(noEnd, "is cut short: it has no end line");
        expected.put(cutMidLine, "is not an interval histogram");
        expected.put(missingInterval, "is inconsistent");
        expected.put(notFromRun, "was not written by load-test run");
        for (Map.Entry<Path, String> bad : expected.entrySet()) {
            // Alone, and beside a good log: one bad input refuses the merge.
            for (String[] args : new String[][] {{bad.getKey().toString()}, {good.toString(), bad.getKey().toString()}}) {
                CommandRun outcome = merge(args);
                assertEquals(2, outcome.status(), bad.getKey() + ": " + outcome.out() + outcome.err());
                assertTrue(outcome.err().startsWith("load-test: merge: " + bad.getKey() + ": "), outcome.err());
                assertTrue(outcome.err().contains(bad.getValue()), outcome.err());
                assertEquals(1, outcome.err().lines().count(), outcome.err());
                assertEquals("", outcome.out());
            }
        }
    }

    @Test
    void logsOfDifferentRunsAreMergedOnlyWithForce(@TempDir Path dir) throws Exception {
        Path a = log(dir, "a.hlog", LOAD, 0, new Histogram(3));
        Scenario other = new Scenario(LOAD.target(), Load.parse("pingpong:100:64"), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 0, 1, "auto", Scenario.DEFAULT_SPIN);
        Path b = log(dir, "b.hlog", other, 0, new Histogram(3));

        CommandRun refused = merge(a.toString(), b.toString());
        assertEquals(2, refused.status(), refused.err());
        assertTrue(refused.err().contains("was a different run"), refused.err());
        assertTrue(refused.err().contains("--force"), refused.err());

        CommandRun forced = merge("--force", a.toString(), b.toString());
        assertEquals(0, forced.status(), forced.out() + forced.err());
    }
}
