package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On the hub's first start there is no operator.token yet; mint an {@code admin} one so a fresh install works
 * without a manual step (the reference's setup wizard does the same after the first admin). An existing token is
 * never overwritten — the operator may have chosen a narrower scope set.
 */
public final class OperatorTokenBootstrap {
    private static final Logger LOG = Logger.getLogger(OperatorTokenBootstrap.class.getName());

    private OperatorTokenBootstrap() {}

    public static Optional<MintedToken> ensure(HubHome home, HubDatabase db, String issuer) throws IOException {
        return ensure(home, db, issuer, Clock.systemUTC());
    }

    /** Mints and writes an admin token when operator.token is absent or empty; empty when one already existed. */
    public static Optional<MintedToken> ensure(HubHome home, HubDatabase db, String issuer, Clock clock)
            throws IOException {
        OperatorTokenFile file = new OperatorTokenFile(home.operatorToken(), LOG::warning);
        if (file.read().isPresent()) {
            return Optional.empty();
        }
        MintedToken minted = TokenServices.over(db, clock).operatorTokens()
                .mint(ScopeSets.DEFAULT, OperatorTokens.DEFAULT_SUBJECT, issuer, CreatedVia.HUB_BOOTSTRAP);
        file.write(minted.token());
        LOG.info(() -> "wrote a new admin operator token to " + file.path() + " (mode 0600)");
        return Optional.of(minted);
    }
}
