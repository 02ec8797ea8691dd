package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;

import java.time.Clock;

/** The token parts over one hub.db and one clock, built together so they agree (HubBinder and CLI wiring). */
public record TokenServices(SigningKeys signingKeys, TokenRegistry registry, TokenVerifier verifier,
                            OperatorTokens operatorTokens) {
    public static TokenServices over(HubDatabase db, Clock clock) {
        SigningKeys keys = new SigningKeys(db, clock);
        TokenRegistry registry = new TokenRegistry(db, clock);
        return new TokenServices(keys, registry, new TokenVerifier(keys, registry, clock),
                new OperatorTokens(keys, registry, clock));
    }
}
