package computer.parachute.hub.cli.client;

import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.OperatorTokenException;
import computer.parachute.hub.core.token.OperatorTokenFile;
import computer.parachute.hub.core.token.OperatorTokenInvalidException;
import computer.parachute.hub.core.token.OperatorTokenUse;
import computer.parachute.hub.core.token.UseOutcome;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link OperatorBearer} over core's {@link OperatorTokenUse} (DESIGN §7): a token with more than 7 days left is
 * only decoded (no hub.db, no RSA — the common path stays fast); within 7 days hub.db is opened to re-mint it, and
 * closed again before the request is sent.
 */
public final class TokenUseBearer implements OperatorBearer {
    private final HubHome home;
    private final int port;
    private final Map<String, String> env;
    private final Clock clock;
    private final Consumer<String> notices;

    /** {@code notices} gets the token file's mode warning and the "re-minted" line (the CLI prints them to stderr). */
    public TokenUseBearer(HubHome home, int port, Map<String, String> env, Clock clock, Consumer<String> notices) {
        this.home = home;
        this.port = port;
        this.env = env;
        this.clock = clock;
        this.notices = notices;
    }

    @Override
    public String bearer() throws OperatorTokenException {
        HubDatabase[] opened = new HubDatabase[1];
        try {
            OperatorTokenUse use = new OperatorTokenUse(new OperatorTokenFile(home.operatorToken(), notices),
                    HubOrigins.acceptedIssuers(port, env), () -> opened[0] = open(), clock);
            UseOutcome outcome = use.useForCli();
            if (outcome.status() == UseOutcome.Status.ROTATED) {
                notices.accept("refreshed operator.token (it had under 7 days left); new expiry " + outcome.expiresAt());
            }
            return outcome.token();
        } catch (IllegalStateException e) {
            throw OperatorTokenInvalidException.because(e.getMessage());
        } finally {
            if (opened[0] != null) {
                opened[0].close();
            }
        }
    }

    private HubDatabase open() {
        try {
            return HubDatabase.open(home.hubDb());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + home.hubDb() + " to refresh the operator token (" + e.getMessage() + ")", e);
        }
    }
}
