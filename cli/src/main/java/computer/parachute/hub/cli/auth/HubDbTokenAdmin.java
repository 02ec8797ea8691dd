package computer.parachute.hub.cli.auth;

import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.session.DashboardSessions;
import computer.parachute.hub.core.session.SessionPolicy;
import computer.parachute.hub.core.session.SessionStoreException;
import computer.parachute.hub.core.token.CreatedVia;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.MintedToken;
import computer.parachute.hub.core.token.OperatorTokenFile;
import computer.parachute.hub.core.token.OperatorTokens;
import computer.parachute.hub.core.token.TokenServices;
import computer.parachute.hub.core.token.TokenStoreException;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link OperatorTokenAdmin} over hub.db with core's token classes (reference §4.1–4.2). Only the auth verbs open
 * hub.db; the issuer is the hub's configured origin, else its loopback origin on the port the CLI targets.
 */
public final class HubDbTokenAdmin implements OperatorTokenAdmin {
    private final HubDatabase db;
    private final TokenServices services;
    private final OperatorTokenFile file;
    private final String issuer;
    private final Clock clock;

    private HubDbTokenAdmin(HubDatabase db, TokenServices services, OperatorTokenFile file, String issuer, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.services = services;
        this.file = file;
        this.issuer = issuer;
    }

    public static HubDbTokenAdmin open(HubHome home, int port, Map<String, String> env, Clock clock,
                                       Consumer<String> warnings) throws CliFailure {
        try {
            HubDatabase db = HubDatabase.open(home.hubDb());
            return new HubDbTokenAdmin(db, TokenServices.over(db, clock), new OperatorTokenFile(home.operatorToken(), warnings),
                    HubOrigins.defaultIssuer(port, env), clock);
        } catch (SQLException e) {
            throw new CliFailure("cannot open " + home.hubDb() + " (" + e.getMessage() + ") — check the file and its permissions");
        }
    }

    @Override
    public Rotated rotateOperator(String scopeSet) throws CliFailure {
        MintedToken minted = store(() -> services.operatorTokens().mint(scopeSet, OperatorTokens.DEFAULT_SUBJECT, issuer,
                CreatedVia.OPERATOR_MINT));
        try {
            file.write(minted.token());
        } catch (IOException e) {
            throw new CliFailure("minted a token but could not write " + file.path() + " (" + e.getMessage() + ")");
        }
        return new Rotated(OperatorTokens.DEFAULT_SUBJECT, minted.scopeSet(), file.path().toString(), minted.expiresAt(), minted.jti());
    }

    @Override
    public String rotateKey(boolean atOnce) throws CliFailure {
        return store(() -> services.signingKeys().rotate(atOnce).kid());
    }

    @Override
    public boolean revoke(String jti) throws CliFailure {
        return store(() -> services.operatorTokens().revoke(jti));
    }

    @Override
    public int revokeAllOperator() throws CliFailure {
        return store(() -> services.operatorTokens().revokeAllOperator());
    }

    @Override
    public int endDashboardSessions() throws CliFailure {
        try {
            return new DashboardSessions(db, clock, SessionPolicy.defaults()).revokeAll();
        } catch (SessionStoreException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    @Override
    public void close() {
        db.close();
    }

    private interface Step<T> {
        T run();
    }

    /** hub.db failures are one ✗ line naming the file (TokenStoreException's message does). */
    private static <T> T store(Step<T> step) throws CliFailure {
        try {
            return step.run();
        } catch (TokenStoreException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
