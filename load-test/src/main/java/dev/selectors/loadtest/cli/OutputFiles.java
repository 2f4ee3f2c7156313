package dev.selectors.loadtest.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks, before any traffic, that the reports a command was asked for can be written. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Refuses a path whose file could not be created or replaced: a missing or read-only
     * directory (a read-only file system included), or a directory or read-only file in its
     * place.
     *
     * @param spec   the command, for the usage error
     * @param option the option that named the path
     * @param file   the path, or {@code null} when the option was not given
     * @throws ParameterException the file cannot be written; the message says why
     */
    static void checkWritable(CommandSpec spec, String option, Path file) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent();
        String problem = null;
        if (Files.isDirectory(absolute)) {
            problem = "is a directory";
        } else if (directory == null || !Files.isDirectory(directory)) {
            problem = "its directory " + directory + " does not exist";
        } else if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            problem = "the file is not writable";
        } else if (!Files.exists(absolute) && !Files.isWritable(directory)) {
            problem = "its directory " + directory + " is not writable";
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": " + problem);
        }
    }
}
