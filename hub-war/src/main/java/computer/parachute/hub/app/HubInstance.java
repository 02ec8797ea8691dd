package computer.parachute.hub.app;

import java.time.Instant;

/**
 * This boot of the hub: a random id (reported by {@code /health} and written to {@code hub-instance.json} by the
 * launcher, so a client can tell this hub from another process answering on its port, reference #737) and when it
 * started.
 */
public record HubInstance(String id, Instant startedAt) {}
