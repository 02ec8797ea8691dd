package computer.parachute.hub.cli.client;

import java.nio.file.Path;

/** No operator.token on disk (reference §4.5, message kept word for word). */
public final class NoOperatorTokenException extends OperatorTokenException {
    public NoOperatorTokenException(Path file) {
        super("no operator token — run `parachute auth rotate-operator` to mint one (looked for " + file + ")");
    }
}
