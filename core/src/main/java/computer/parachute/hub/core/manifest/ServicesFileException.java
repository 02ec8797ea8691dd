package computer.parachute.hub.core.manifest;

import java.nio.file.Path;

/** services.json cannot be used as it is; the message names the file, what is wrong and how to fix it. */
public final class ServicesFileException extends Exception {
    private final Path file;

    public ServicesFileException(Path file, String problem) {
        super(file + ": " + problem + " — fix the file (or move it aside), then re-run.");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
