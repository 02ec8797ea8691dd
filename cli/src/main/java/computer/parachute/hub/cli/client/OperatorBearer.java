package computer.parachute.hub.cli.client;

/**
 * The bearer the CLI sends to the module-ops API. Seam for the core token module's "use the operator token"
 * call (auto-rotation within 7 days needs hub.db and the signing key); until that lands the CLI uses
 * {@link FileOperatorBearer}.
 */
@FunctionalInterface
public interface OperatorBearer {
    String bearer() throws OperatorTokenException;
}
