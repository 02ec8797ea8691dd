package computer.parachute.hub.core.home;

import java.nio.file.Path;

/** The hub will not start on this home (StrictModes); the message is one line naming the path and the command to run. */
public final class UnsafeHomeException extends Exception {
    private final Path path;

    UnsafeHomeException(Path path, String message) {
        super(message);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
