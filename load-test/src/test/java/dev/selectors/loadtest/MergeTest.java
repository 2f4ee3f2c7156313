package dev.selectors.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging the logs of several generators gives the percentiles of one histogram of every sample. */
class MergeTest {

    @Test
    void mergedLogsGiveTheSamePercentilesAsOneHistogram(@TempDir Path dir) throws Exception {
        Random random = new Random(42);
        Histogram all = new Histogram(3);
        List<File> logs = new ArrayList<>();
        for (int generator = 0; generator < 3; generator++) {
            File file = dir.resolve("gen" + generator + ".hlog").toFile();
            logs.add(file);
            try (PrintStream stream = new PrintStream(file)) {
                HistogramLogWriter writer = new HistogramLogWriter(stream);
                writer.outputLogFormatVersion();
                writer.outputLegend();
                for (int second = 0; second < 5; second++) {
                    Histogram interval = new Histogram(3);
                    for (int i = 0; i < 10_000; i++) {
                        // Each generator sees a different latency distribution.
                        long value = (long) (Math.exp(random.nextGaussian() * (generator + 1)) * 50_000) + 1;
                        interval.recordValue(value);
                        all.recordValue(value);
                    }
                    interval.setStartTimeStamp(second * 1000L);
                    interval.setEndTimeStamp(second * 1000L + 1000);
                    writer.outputIntervalHistogram(interval);
                }
            }
        }

        Histogram merged = LoadTestCommand.merge(logs);

        assertEquals(all.getTotalCount(), merged.getTotalCount());
        for (double percentile : new double[] {50, 90, 99, 99.9, 99.99, 100}) {
            assertEquals(all.getValueAtPercentile(percentile), merged.getValueAtPercentile(percentile), "p" + percentile);
        }
        assertEquals(Latency.percentiles(all), Latency.percentiles(merged));
    }
}
