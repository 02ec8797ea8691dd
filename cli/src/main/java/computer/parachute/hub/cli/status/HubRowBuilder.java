package computer.parachute.hub.cli.status;

import computer.parachute.hub.cli.client.LoopbackHttp;
import computer.parachute.hub.cli.hub.HealthInfo;
import computer.parachute.hub.cli.hub.HubObservation;
import computer.parachute.hub.cli.hub.UnitStateView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The status hub row (reference §6.4): the arm's view (manager state or pidfile) composed with /health. */
final class HubRowBuilder {
    static final String SERVICE = "parachute-hub (internal)";

    private HubRowBuilder() {}

    static StatusRow build(int port, HubObservation seen, Optional<HealthInfo> health, Instant now) {
        boolean healthy = health.filter(HealthInfo::isHub).isPresent();
        List<String> notes = new ArrayList<>();
        String probe = null;
        String state;
        if (seen.managerState() != null) {
            state = unitState(seen, healthy, notes);
            probe = healthy ? null : UnitStateView.ACTIVE.equals(seen.managerState()) ? "manager active, /health not answering" : "down";
        } else if (healthy) {
            state = StatusRow.ACTIVE;
            if (seen.pid() == null) {
                notes.add("no pidfile: this hub was not started by `parachute start hub` (a foreground `parachute serve`?)");
            }
        } else if (seen.pid() != null) {
            state = StatusRow.FAILING;
            probe = "/health not answering on port " + port;
        } else {
            state = StatusRow.INACTIVE;
            notes.add("hub is not running — start it with `parachute start hub`");
        }
        Long uptime = seen.startedAt() == null || !healthy && seen.pid() == null ? null
                : Math.max(0, now.getEpochSecond() - seen.startedAt().getEpochSecond());
        return new StatusRow(SERVICE, port, health.map(HealthInfo::version).orElse(null), state, seen.pid(), uptime,
                health.map(HealthInfo::latencyMillis).orElse(null), seen.source(), LoopbackHttp.url(port, ""), probe, notes);
    }

    private static String unitState(HubObservation seen, boolean healthy, List<String> notes) {
        String detail = seen.managerDetail() == null || seen.managerDetail().isBlank() ? "" : " (" + seen.managerDetail() + ")";
        switch (seen.managerState()) {
            case UnitStateView.FAILED:
                notes.add("service manager reports the hub unit failed" + detail);
                return StatusRow.FAILING;
            case UnitStateView.ACTIVE:
                if (!healthy) {
                    notes.add("service manager reports active; /health not answering yet (starting or unhealthy)");
                    return StatusRow.FAILING;
                }
                return StatusRow.ACTIVE;
            case UnitStateView.ACTIVATING:
                if (!healthy) {
                    notes.add("service manager reports the hub unit is starting");
                    return StatusRow.PENDING;
                }
                return StatusRow.ACTIVE;
            case UnitStateView.UNKNOWN:
                if (!healthy) {
                    notes.add("service manager state unknown" + detail);
                }
                return healthy ? StatusRow.ACTIVE : StatusRow.INACTIVE;
            default:
                return healthy ? StatusRow.ACTIVE : StatusRow.INACTIVE;
        }
    }
}
