package computer.parachute.hub.modules;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.ModuleState;
import computer.parachute.hub.supervisor.Supervisor;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The boot-readiness summary of reference §3.2: starting/restarting modules are transient, crashed/stopped ones
 * persistent, a running module younger than {@link #SETTLE} is transient; ready = boot finished and neither list
 * has an entry.
 */
public final class BootReadiness {
    /** A module that just came up may still crash on its first request (reference: 30 s). */
    static final Duration SETTLE = Duration.ofSeconds(30);

    /** Body of {@code GET /api/ready}. */
    public record Report(boolean ready, boolean booting,
                         @JsonbProperty("ready_modules") List<String> readyModules,
                         @JsonbProperty("transient_modules") List<String> transientModules,
                         @JsonbProperty("persistent_modules") List<String> persistentModules) {}

    private final Supervisor supervisor;
    private final HubBoot boot;
    private final Clock clock;

    public BootReadiness(Supervisor supervisor, HubBoot boot, Clock clock) {
        this.supervisor = supervisor;
        this.boot = boot;
        this.clock = clock;
    }

    public Report report() {
        List<String> ready = new ArrayList<>();
        List<String> transientOnes = new ArrayList<>();
        List<String> persistent = new ArrayList<>();
        for (ModuleSnapshot module : supervisor.list()) {
            if (module.is(ModuleState.STARTING) || module.is(ModuleState.RESTARTING) || young(module)) {
                transientOnes.add(module.shortName());
            } else if (module.is(ModuleState.RUNNING)) {
                ready.add(module.shortName());
            } else {
                persistent.add(module.shortName());
            }
        }
        boolean booting = boot.isBooting();
        return new Report(!booting && transientOnes.isEmpty() && persistent.isEmpty(), booting, ready, transientOnes, persistent);
    }

    private boolean young(ModuleSnapshot module) {
        return module.is(ModuleState.RUNNING) && module.startedAt() != null
                && module.startedAt().plus(SETTLE).isAfter(clock.instant());
    }
}
