package computer.parachute.hub.cli.client;

import computer.parachute.hub.core.token.OperatorTokenException;

/** The bearer the CLI sends to the module-ops API; refuses (with the one-line fix) before any request is made. */
@FunctionalInterface
public interface OperatorBearer {
    String bearer() throws OperatorTokenException;
}
