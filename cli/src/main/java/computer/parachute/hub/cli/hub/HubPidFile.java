package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.fs.AtomicFiles;
import computer.parachute.hub.core.fs.BoundedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code hub/run/hub.pid}: the detached hub's pid on line 1 and its start time (epoch ms) on line 2. The start time
 * is what lets {@code stop hub} refuse to signal a pid the kernel has since given to another process. A one-line
 * file (written by something else) reads with a null start time.
 */
public final class HubPidFile {
    /** One recorded hub: its pid and, when recorded, its start instant. */
    public record Entry(long pid, Instant startTime) {}

    private final Path file;

    public HubPidFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The recorded hub; empty when there is no file or it does not start with a positive pid. */
    public Optional<Entry> read() {
        List<String> lines;
        try {
            lines = BoundedFiles.readString(file, BoundedFiles.RUN_FILE_BYTES).lines().toList(); // a FIFO must not hang the CLI
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            if (pid <= 0) {
                return Optional.empty();
            }
            Instant start = lines.size() > 1 && !lines.get(1).isBlank() ? Instant.ofEpochMilli(Long.parseLong(lines.get(1).trim())) : null;
            return Optional.of(new Entry(pid, start));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void write(long pid, Instant startTime) throws IOException {
        String second = startTime == null ? "" : Long.toString(startTime.toEpochMilli());
        AtomicFiles.writeString(file, pid + "\n" + second + "\n");
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }
}
