package computer.parachute.hub.api;

/** The {@code GET /health} body (reference §3.1, with HEAD's {@code db} and instance nonce). */
public record Health(String status, String service, String version, String db, String instance) {}
