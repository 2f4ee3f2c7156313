package dev.selectors.loadtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.selectors.loadtest.generator.ErrorKind;
import dev.selectors.loadtest.generator.Latency;
import dev.selectors.loadtest.generator.RunResult;
import dev.selectors.loadtest.generator.Threshold;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report: axes at readable values, units per magnitude, and a page that a real browser
 * (headless Chromium, when installed: Debian's {@code chromium}) renders with every plot drawn.
 */
class HtmlReportTest {

    @Test
    void logarithmicAxesTickAtOneTwoFiveTimesAPowerOfTen() {
        Axis axis = Axis.logarithmic(37, 4200, 300, 0);
        assertEquals(List.of(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0), axis.ticks());
        assertEquals(300, axis.pixel(20), 1e-9);
        assertEquals(0, axis.pixel(5000), 1e-9);
        assertEquals(300, axis.pixel(0), 1e-9, "zero is clamped to the low end");
        // Many decades: only the powers of ten.
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0), Axis.logarithmic(1, 90_000, 0, 1).ticks());
    }

    @Test
    void linearAxesEndOnANiceValue() {
        assertEquals(List.of(0.0, 10000.0, 20000.0, 30000.0, 40000.0, 50000.0), Axis.linear(43_210, 0, 1).ticks());
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0), Axis.linear(0.9, 0, 1).ticks());
    }

    @Test
    void unitsFollowTheMagnitude() {
        assertEquals("850 ns", Units.latency(0.85));
        assertEquals("51.2 us", Units.latency(51.2));
        assertEquals("2 ms", Units.latency(2000));
        assertEquals("1.5 s", Units.latency(1_500_000));
        assertEquals("12.5k", Units.count(12_500));
        assertEquals("2M", Units.count(2_000_000));
        assertEquals("100k", Units.count(100_000));
    }

    /** An open-loop result with a long tail, as a real run gives. */
    static RunResult openLoopResult() {
        Histogram latency = new Histogram(3);
        Histogram uncorrected = new Histogram(3);
        Histogram lateness = new Histogram(3);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            long late = (long) (Math.abs(random.nextGaussian()) * 3_000);
            long service = (long) (Math.exp(random.nextGaussian() * 0.8) * 45_000);
            lateness.recordValue(late);
            uncorrected.recordValue(service);
            latency.recordValue(service + late);
        }
        List<RunResult.Second> timeline = new ArrayList<>();
        for (int second = 1; second <= 10; second++) {
            timeline.add(new RunResult.Second(second, 19_000 + 300 * second, 120 + 10 * second));
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind.label(), 0L);
        }
        return new RunResult("open loop 20000 msg/s, 10 connections, 64 B", "127.0.0.1:1234", 10, 200_000, 0,
                12_800_000, 20_000, 1.2, Latency.percentiles(latency), Latency.curve(latency),
                Latency.percentiles(uncorrected), Latency.percentiles(lateness), 50, errors, timeline, 2, false,
                List.of(new Threshold.Verdict("p99<2ms", 320, "us", true),
                        new Threshold.Verdict("rate>50000", 20_000, "msg/s", false)));
    }

    @Test
    void thePageCarriesEveryPlotWithAxesAndNoScriptOrFetch() {
        String page = HtmlReport.page(openLoopResult());
        assertEquals(3, page.split("<svg ", -1).length - 1, "three plots");
        assertEquals(4, page.split("class=\"series\"", -1).length - 1, "three percentile series and the p99 line");
        assertTrue(page.contains(">100 us</text>") || page.contains(">50 us</text>"), "latency ticks in us");
        assertTrue(page.contains(">99.99%</text>"), "percentile ticks");
        assertTrue(page.contains(">20k</text>"), "throughput ticks");
        assertTrue(page.contains("FAILED"), "the failed threshold");
        assertTrue(!page.replace("http://www.w3.org/2000/svg", "").matches("(?s).*(<script|<link|src=|https?:).*"),
                "self-contained: no script, nothing fetched");
    }

    private static Optional<String> chromium() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void headlessChromiumDrawsEveryPlotWithoutAScriptError(@TempDir Path dir) throws Exception {
        Optional<String> browser = chromium();
        assumeTrue(browser.isPresent(), "no headless Chromium here (Debian package chromium; .ci/run installs it)");
        Path page = dir.resolve("report.html");
        HtmlReport.write(openLoopResult(), page);
        Path screenshot = dir.resolve("report.png");
        Process chrome = new ProcessBuilder(browser.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=900,2200",
                "--screenshot=" + screenshot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(chrome.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
        String log = Files.readString(dir.resolve("chromium.log"), StandardCharsets.UTF_8);
        assertEquals(0, chrome.exitValue(), log);
        assertTrue(!log.contains("Uncaught") && !log.contains("CONSOLE"), log);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        // Each series' colour is drawn: no plot came out empty.
        for (int color : new int[] {0x1565c0, 0xef6c00, 0x6a1b9a, 0x2e7d32}) {
            int pixels = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if ((image.getRGB(x, y) & 0xffffff) == color) {
                        pixels++;
                    }
                }
            }
            assertTrue(pixels > 100, String.format("colour #%06x drawn on %d pixels", color, pixels));
        }
    }
}
