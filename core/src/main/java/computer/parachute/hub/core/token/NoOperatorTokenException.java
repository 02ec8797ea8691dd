package computer.parachute.hub.core.token;

import java.nio.file.Path;

/** There is no operator.token (or it is empty). */
public final class NoOperatorTokenException extends OperatorTokenException {
    private final Path path;

    public NoOperatorTokenException(Path path) {
        super("no operator token — run `" + ROTATE_COMMAND + "` to mint one (looked for " + path + ")");
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
