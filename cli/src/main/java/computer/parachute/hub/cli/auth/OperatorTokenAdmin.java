package computer.parachute.hub.cli.auth;

import computer.parachute.hub.cli.CliFailure;

import java.time.Instant;

/**
 * What {@code parachute auth ...} needs from core's token module ({@code core.token}: {@code OperatorTokens.mint/revoke},
 * {@code SigningKeys.rotate}, {@code HubOrigins}; branch {@code token}). An adapter over hub.db implements it;
 * {@link #close} releases the database.
 */
public interface OperatorTokenAdmin extends AutoCloseable {
    /** What a rotation wrote to operator.token. */
    record Rotated(String subject, String scopeSet, String path, Instant expiresAt, String jti) {}

    /** Mints a token for {@code scopeSet} and writes it to operator.token (0600); older tokens stay valid. */
    Rotated rotateOperator(String scopeSet) throws CliFailure;

    /**
     * Retires the active signing key and creates a new one; returns the new kid. {@code atOnce}: older keys stop
     * verifying now instead of in 24 h.
     */
    String rotateKey(boolean atOnce) throws CliFailure;

    /** Revokes one token; false when no unrevoked token has that jti. */
    boolean revoke(String jti) throws CliFailure;

    /** Revokes every operator token; returns how many. */
    int revokeAllOperator() throws CliFailure;

    /** Ends every dashboard browser session and voids unused login links; returns how many sessions ended. */
    int endDashboardSessions() throws CliFailure;

    @Override
    void close();
}
