package computer.parachute.hub.api;

/**
 * The {@code GET /health} body (reference §3.1, with HEAD's {@code db} and instance nonce), plus the port the hub is
 * served on: {@code port} is absent and {@code portKnown} false while a hub in a servlet container has not learned it.
 */
public record Health(String status, String service, String version, String db, String instance, Integer port,
                     boolean portKnown) {}
