package computer.parachute.hub.auth;

import java.util.Set;

/**
 * The issuers this hub accepts on operator tokens, asked per request because the bound port is only known once
 * Jetty has started. Production: {@code () -> HubOrigins.acceptedIssuers(config.port(), config.hubOrigin())}.
 */
@FunctionalInterface
public interface AcceptedIssuers {
    Set<String> get();
}
