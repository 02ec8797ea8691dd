package computer.parachute.hub.core.unit;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder}. Output goes to temp files rather than pipes, so a chatty
 * command can never block on a full pipe and no reader threads are needed.
 */
public final class ProcessCommandRunner implements CommandRunner {

    private final String searchPath;

    /** Resolves binaries against this process's PATH. */
    public ProcessCommandRunner() {
        this(System.getenv("PATH"));
    }

    /** Resolves binaries against {@code searchPath} (colon-separated on POSIX). */
    public ProcessCommandRunner(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws IOException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        Path out = Files.createTempFile("parachute-cmd-", ".out");
        Path err = Files.createTempFile("parachute-cmd-", ".err");
        try {
            Process process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            int exit = await(process, argv.get(0), timeout);
            return new CommandResult(exit, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static int await(Process process, String program, Duration timeout) throws IOException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + timeout.toSeconds() + "s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + program);
        }
    }

    @Override
    public boolean isOnPath(String binary) {
        if (binary.contains(File.separator)) {
            return Files.isExecutable(Path.of(binary));
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))
                    && !Files.isDirectory(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }
}
