package computer.parachute.hub.cli.hub;

import java.time.Instant;

/**
 * What an arm knows about the hub without asking the hub itself, for the status hub row: which arm
 * ({@code source}: systemd, launchd, none or detached), the pid and start time when it has them, and the service
 * manager's state word and detail ({@code null} for the detached arm).
 */
public record HubObservation(String source, Long pid, Instant startedAt, String managerState, String managerDetail) {
}
