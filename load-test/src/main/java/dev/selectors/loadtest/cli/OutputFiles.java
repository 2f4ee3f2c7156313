package dev.selectors.loadtest.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks, before any traffic, that the reports a command was asked for can be written. */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Refuses a path whose file could not be created or replaced: a missing, read-only or
     * special directory (a read-only file system, /proc), or a directory or read-only file in its
     * place. It tries rather than asks: {@code access(2)} says yes to root for most of these.
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
        } else if (Files.exists(absolute)) {
            // Opened for appending, which leaves an earlier report intact until the run replaces it.
            try (FileChannel channel = FileChannel.open(absolute, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.size();
            } catch (IOException e) {
                problem = "the file cannot be written (" + reason(e) + ")";
            }
        } else {
            try {
                Files.delete(Files.createTempFile(directory, ".load-test-", ".probe"));
            } catch (IOException e) {
                problem = "no file can be created in " + directory + " (" + reason(e) + ")";
            }
        }
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": " + problem);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the file system refuses new files";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getClass().getSimpleName();
    }
}
