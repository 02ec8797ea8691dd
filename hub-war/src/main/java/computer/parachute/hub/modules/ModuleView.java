package computer.parachute.hub.modules;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.StartError;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;

/**
 * One row of {@code GET /api/modules} (DESIGN §6): every installed and every supervised module. Installed-only
 * rows have {@code supervisor_status} null; supervised rows whose services.json row is gone have
 * {@code installed=false}. {@code start_error} prefers the live supervisor error over services.json's record.
 */
public record ModuleView(
        @JsonbProperty("short") String shortName,
        String name,
        Integer port,
        String version,
        boolean installed,
        @JsonbProperty("supervisor_status") String supervisorStatus,
        Long pid,
        Instant startedAt,
        int restartsInWindow,
        Integer lastExitCode,
        Instant lastCrashAt,
        @JsonbProperty("start_error") StartError startError) {

    static ModuleView of(String shortName, InstalledModule installed, ModuleSnapshot live) {
        return new ModuleView(shortName,
                installed == null ? null : installed.name(),
                installed == null ? null : installed.port(),
                installed == null ? null : installed.version(),
                installed != null,
                live == null ? null : live.state(),
                live == null ? null : live.pid(),
                live == null ? null : live.startedAt(),
                live == null ? 0 : live.restartsInWindow(),
                live == null ? null : live.lastExitCode(),
                live == null ? null : live.lastCrashAt(),
                live != null && live.startError() != null ? live.startError() : installed == null ? null : installed.lastStartError());
    }
}
