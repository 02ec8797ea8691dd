package computer.parachute.hub.cli.client;

/** The operator token's {@code exp} has passed (reference §4.3 step 3, made reachable as DESIGN §11 asks). */
public final class OperatorTokenExpiredException extends OperatorTokenException {
    public OperatorTokenExpiredException() {
        super("your operator token has expired; run `parachute auth rotate-operator` to re-mint");
    }
}
