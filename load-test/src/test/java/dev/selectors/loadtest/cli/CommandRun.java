package dev.selectors.loadtest.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@code load-test} command line run in this JVM, with what it printed: the commands print
 * their reports on {@code System.out}, which is captured for the call.
 *
 * @param status the exit status
 * @param out    what went to standard output
 * @param err    what went to standard error (usage errors)
 */
public record CommandRun(int status, String out, String err) {

    /**
     * @param args the command line, subcommand first
     * @return what it did
     */
    public static synchronized CommandRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = LoadTestCommand.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
        return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
