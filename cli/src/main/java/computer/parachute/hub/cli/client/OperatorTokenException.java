package computer.parachute.hub.cli.client;

/**
 * The CLI cannot present an operator token (DESIGN §7): the message is one actionable line naming
 * {@code parachute auth rotate-operator}. Thrown before any HTTP request is made.
 */
public class OperatorTokenException extends Exception {
    public OperatorTokenException(String message) {
        super(message, null, false, false);
    }
}
