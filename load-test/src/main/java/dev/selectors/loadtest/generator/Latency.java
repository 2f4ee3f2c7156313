package dev.selectors.loadtest.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** Turns an HdrHistogram of nanoseconds into the numbers and curves reports show. */
public final class Latency {

    private Latency() {
    }

    public static double micros(long nanos) {
        return nanos / 1000.0;
    }

    public static Map<String, Double> percentiles(Histogram histogram) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("p50", micros(histogram.getValueAtPercentile(50)));
        values.put("p90", micros(histogram.getValueAtPercentile(90)));
        values.put("p99", micros(histogram.getValueAtPercentile(99)));
        values.put("p99.9", micros(histogram.getValueAtPercentile(99.9)));
        values.put("p99.99", micros(histogram.getValueAtPercentile(99.99)));
        values.put("max", micros(histogram.getMaxValue()));
        values.put("mean", histogram.getTotalCount() == 0 ? 0.0 : histogram.getMean() / 1000.0);
        return values;
    }

    public static List<double[]> curve(Histogram histogram) {
        List<double[]> points = new ArrayList<>();
        if (histogram.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue value : histogram.percentiles(5)) {
            points.add(new double[] {value.getPercentileLevelIteratedTo(), micros(value.getValueIteratedTo())});
            if (value.getPercentileLevelIteratedTo() >= 100.0) {
                break;
            }
        }
        return points;
    }
}
