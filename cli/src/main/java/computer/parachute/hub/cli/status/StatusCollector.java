package computer.parachute.hub.cli.status;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.token.OperatorTokenException;
import computer.parachute.hub.cli.hub.HealthInfo;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers a {@link StatusReport}: services.json (lenient: a bad row is a note, never a crash), the arm's view of
 * the hub, one /health probe, and {@code GET /api/modules} when the hub is up. Every failure to learn something
 * degrades to a note; nothing here throws for a down hub or a missing token.
 */
public final class StatusCollector {
    static final String HUB_DOWN_NOTE = "hub is down — its modules are stopped";
    static final String NO_TOKEN_NOTE = "couldn't read live module state — run `parachute auth rotate-operator` to mint an operator token";
    static final String EMPTY_NOTE = "No modules installed yet — register one with `parachute install <dir>`.";

    private final CliEnvironment env;

    public StatusCollector(CliEnvironment env) {
        this.env = env;
    }

    public StatusReport collect() {
        int port = env.hubPort();
        ServicesRead services = new ServicesRegistry(env.home().servicesJson()).readLenient();
        HubArm arm = env.hubArm(Optional.empty());
        Optional<HealthInfo> health = env.health().probe(port);
        Instant now = env.clock().instant();
        StatusRow hub = HubRowBuilder.build(port, arm.observe(), health, now);
        List<String> notes = new ArrayList<>(services.warnings());
        if (services.entries().isEmpty()) {
            notes.add(EMPTY_NOTE);
            return new StatusReport(List.of(), hub, notes);
        }
        List<StatusRow> rows = new ArrayList<>();
        String once;
        if (health.filter(HealthInfo::isHub).isEmpty()) {
            services.entries().forEach(e -> rows.add(ModuleRowBuilder.offline(e)));
            once = HUB_DOWN_NOTE;
        } else {
            once = liveRows(port, services.entries(), now, rows);
        }
        if (once != null) {
            rows.set(0, rows.get(0).withNote(once));
        }
        return new StatusReport(rows, hub, notes);
    }

    /** Fills module rows from the live API; returns the one note to show when the live read failed. */
    private String liveRows(int port, List<ServiceEntry> entries, Instant now, List<StatusRow> rows) {
        Map<String, ModuleSnapshot> byShort = new HashMap<>();
        String note = null;
        try {
            env.moduleOps(port).modules().forEach(s -> byShort.put(s.shortName(), s));
        } catch (OperatorTokenException e) {
            note = NO_TOKEN_NOTE;
        } catch (ModuleOpHttpException e) {
            note = "couldn't read live module state (" + e.getMessage() + ")";
        }
        for (ServiceEntry entry : entries) {
            rows.add(note != null ? ModuleRowBuilder.offline(entry)
                    : ModuleRowBuilder.live(entry, byShort.get(ModuleRowBuilder.shortOf(entry)), now));
        }
        return note;
    }
}
