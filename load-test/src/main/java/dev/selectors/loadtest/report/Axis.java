package dev.selectors.loadtest.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a plot in the HTML report: where a value goes along it (in pixels), and the ticks
 * to draw at readable values, 1, 2 and 5 times a power of ten.
 */
final class Axis {

    private static final double[] STEPS = {1, 2, 5};

    private final boolean logarithmic;
    private final double low;
    private final double high;
    private final double fromPixel;
    private final double toPixel;
    private final List<Double> ticks;

    private Axis(boolean logarithmic, double low, double high, double fromPixel, double toPixel, List<Double> ticks) {
        this.logarithmic = logarithmic;
        this.low = low;
        this.high = high;
        this.fromPixel = fromPixel;
        this.toPixel = toPixel;
        this.ticks = ticks;
    }

    /**
     * A logarithmic axis from the 1-2-5 value at or below {@code min} to the one at or above
     * {@code max}: for latencies, whose tail is orders of magnitude above their median.
     *
     * @param min       the smallest value to show, above zero
     * @param max       the largest
     * @param fromPixel where the low end is drawn
     * @param toPixel   where the high end is drawn
     * @return the axis
     */
    static Axis logarithmic(double min, double max, double fromPixel, double toPixel) {
        double low = niceAtOrBelow(Math.max(min, 1e-3));
        double high = niceAtOrAbove(Math.max(max, low * 2));
        List<Double> ticks = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(low))); decade <= high; decade *= 10) {
            for (double step : STEPS) {
                double tick = decade * step;
                if (tick >= low * (1 - 1e-9) && tick <= high * (1 + 1e-9)) {
                    ticks.add(tick);
                }
            }
        }
        if (ticks.size() > 10) {
            // Many decades: label only the powers of ten.
            ticks.removeIf(tick -> Math.abs(Math.log10(tick) - Math.rint(Math.log10(tick))) > 1e-9);
        }
        return new Axis(true, low, high, fromPixel, toPixel, ticks);
    }

    /**
     * A linear axis from zero to the 1-2-5 multiple at or above {@code max}, with about five
     * ticks.
     *
     * @param max       the largest value to show
     * @param fromPixel where zero is drawn
     * @param toPixel   where the high end is drawn
     * @return the axis
     */
    static Axis linear(double max, double fromPixel, double toPixel) {
        double step = niceAtOrAbove(Math.max(max, 1e-9) / 5);
        double high = Math.ceil(Math.max(max, 1e-9) / step - 1e-9) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= high * (1 + 1e-9); i++) {
            ticks.add(i * step);
        }
        return new Axis(false, 0, high, fromPixel, toPixel, ticks);
    }

    /**
     * @return the tick values, low to high
     */
    List<Double> ticks() {
        return ticks;
    }

    /**
     * @param value a value (clamped to the axis)
     * @return its pixel position
     */
    double pixel(double value) {
        double clamped = Math.min(high, Math.max(low, value));
        double share = logarithmic ? Math.log10(clamped / low) / Math.log10(high / low) : (clamped - low) / (high - low);
        return fromPixel + share * (toPixel - fromPixel);
    }

    private static double niceAtOrBelow(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        double nice = decade;
        for (double step : STEPS) {
            if (decade * step <= value * (1 + 1e-9)) {
                nice = decade * step;
            }
        }
        return nice;
    }

    private static double niceAtOrAbove(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : STEPS) {
            if (decade * step >= value * (1 - 1e-9)) {
                return decade * step;
            }
        }
        return decade * 10;
    }
}
