package dev.selectors.tck;

import static org.junit.jupiter.api.Assertions.fail;

import dev.selectors.Selector;
import dev.selectors.posix.OsFamily;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Operation-by-operation agreement with CPython's {@code selectors}: random operation scripts run
 * through CPython (python3, its {@code EpollSelector}, {@code PollSelector} or
 * {@code SelectSelector}) and through one of our selectors, and every step's result compared.
 * Each known, documented difference (the README's "Where we differ from CPython, and why") is a
 * named exception below; any other difference fails, naming the script, the step and both
 * results. A script is compared up to its first known difference, after which the two states
 * may rightly diverge.
 *
 * <p>Linux only (fd numbers are made equal on both sides with F_DUPFD_CLOEXEC); skipped, saying
 * why, where {@code python3} is missing.
 */
public final class CPythonDifferential {

    /** Fds of the scripts start here in both processes, above anything either has open. */
    private static final int FD_BASE = 400;

    private final String cpythonSelector;
    private final Opener ours;

    /** Opens one of our selectors, as a constructor reference such as {@code PollSelector::new}. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens a new selector.
         *
         * @return the selector; the run closes it
         * @throws IOException it could not be opened
         */
        Selector open() throws IOException;
    }

    private CPythonDifferential(String cpythonSelector, Opener ours) {
        this.cpythonSelector = cpythonSelector;
        this.ours = ours;
    }

    /**
     * Compares one of our selectors with a CPython selector.
     *
     * @param cpythonSelector {@code epoll}, {@code poll} or {@code select}: the CPython selector
     *                        whose behaviour ours must have
     * @param ours            opens a new selector of ours, one per script
     * @return the comparison, to run
     */
    public static CPythonDifferential against(String cpythonSelector, Opener ours) {
        return new CPythonDifferential(cpythonSelector, ours);
    }

    /**
     * Runs {@code scripts} scripts made from {@code seed}, fails on the first unexplained
     * difference, and prints how many scripts and steps were compared.
     *
     * @param seed    the generator's seed (the failure message names it)
     * @param scripts how many scripts
     * @return the counts: scripts, steps compared, and scripts that stopped at each known difference
     */
    public Map<String, Integer> run(long seed, int scripts) {
        Assumptions.assumeTrue(OsFamily.CURRENT == OsFamily.LINUX, "the differential run needs Linux (F_DUPFD_CLOEXEC, epoll)");
        OperationScripts generator = new OperationScripts(seed);
        List<List<List<Object>>> all = new ArrayList<>();
        for (int i = 0; i < scripts; i++) {
            all.add(generator.next());
        }
        List<List<String>> theirs = cpython(all);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("scripts", scripts);
        counts.put("steps compared", 0);
        for (int s = 0; s < scripts; s++) {
            List<List<Object>> steps = all.get(s);
            ScriptRunner runner;
            try {
                runner = new ScriptRunner(ours.open(), FD_BASE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open our selector", e);
            }
            List<String> mine = runner.run(steps);
            for (int i = 0; i < steps.size(); i++) {
                String expected = theirs.get(s).get(i);
                String actual = mine.get(i);
                // A known difference may leave equal results and different states (CPython's select
                // drops the key on a refused modify; we keep it): it ends the comparison either way.
                String known = KnownDifference.explain(cpythonSelector, runner.backendName(), steps.get(i), expected, actual);
                if (known == null && expected.equals(actual)) {
                    counts.merge("steps compared", 1, Integer::sum);
                    continue;
                }
                String tolerated = known != null ? null
                        : KnownDifference.tolerate(runner.backendName(), steps.get(i), expected, actual,
                                runner.staleBefore().get(i));
                if (tolerated != null) {
                    counts.merge("steps compared", 1, Integer::sum);
                    counts.merge("tolerated: " + tolerated, 1, Integer::sum);
                    continue;
                }
                if (known == null) {
                    fail("differs from CPython's " + cpythonSelector + " selector at step " + i + " " + steps.get(i)
                            + " of script " + s + " (seed " + seed + "): CPython '" + expected + "', ours '" + actual
                            + "'\nthe script up to there: " + steps.subList(0, i + 1)
                            + "\nCPython's results: " + theirs.get(s).subList(0, i + 1)
                            + "\nours:              " + mine.subList(0, i + 1));
                }
                counts.merge("stopped at: " + known, 1, Integer::sum);
                break;
            }
        }
        System.out.println("CPython differential vs " + cpythonSelector + " (seed " + seed + "): " + counts);
        return counts;
    }

    private List<List<String>> cpython(List<List<List<Object>>> scripts) {
        Path driver = driver();
        List<List<String>> results = new ArrayList<>();
        Process python;
        try {
            python = new ProcessBuilder("python3", driver.toString(), cpythonSelector, String.valueOf(FD_BASE))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException noPython) {
            Assumptions.abort("python3 is not installed (.ci/run installs it): " + noPython.getMessage());
            return results;
        }
        try {
            Thread writer = new Thread(() -> {
                try (Writer in = new OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8)) {
                    for (List<List<Object>> script : scripts) {
                        in.write(ScriptRunner.json(script));
                        in.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    results.add(Arrays.asList(line.split("\t", -1)));
                }
            }
            writer.join();
            if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0 || results.size() != scripts.size()) {
                fail("the CPython driver failed: exit " + (python.isAlive() ? "none" : python.exitValue()) + ", "
                        + results.size() + " of " + scripts.size() + " scripts answered");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            python.destroyForcibly();
        }
        return results;
    }

    private static Path driver() {
        try (InputStream in = CPythonDifferential.class.getResourceAsStream("cpython_driver.py")) {
            Path file = Files.createTempFile("cpython_driver", ".py");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
