package computer.parachute.hub.launcher;

import java.io.IOException;

/** The hub port is taken: another hub, or something else, listens there (reference #536). */
final class PortInUseException extends IOException {
    private final int port;

    PortInUseException(int port, IOException cause) {
        super("hub port " + port + " is already in use", cause);
        this.port = port;
    }

    int port() {
        return port;
    }
}
