package computer.parachute.hub.cli.status;

import computer.parachute.hub.cli.client.LoopbackHttp;
import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.manifest.KnownModules;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ShortNames;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One module row (reference §6.4 supervisor arm): services.json row joined with the live snapshot by short name. */
final class ModuleRowBuilder {
    private ModuleRowBuilder() {}

    static String shortOf(ServiceEntry entry) {
        return ShortNames.forManifest(entry.name()).orElse(entry.name());
    }

    /** A row with no live state (hub down, or the live read failed): inactive, no pid. */
    static StatusRow offline(ServiceEntry entry) {
        return row(entry, null, StatusRow.INACTIVE, null, null, null, startErrorNotes(entry, null));
    }

    static StatusRow live(ServiceEntry entry, ModuleSnapshot snapshot, Instant now) {
        String status = snapshot == null ? null : snapshot.supervisorStatus();
        String state;
        String probe = null;
        if ("running".equals(status)) {
            state = StatusRow.ACTIVE;
        } else if ("crashed".equals(status)) {
            state = StatusRow.FAILING;
            probe = "supervisor: crashed";
        } else if ("starting".equals(status) || "restarting".equals(status)) {
            state = StatusRow.PENDING;
        } else {
            state = StatusRow.INACTIVE;
        }
        boolean live = StatusRow.ACTIVE.equals(state) || StatusRow.PENDING.equals(state);
        Long pid = live && snapshot != null ? snapshot.pid() : null;
        Long uptime = live && snapshot != null ? uptime(snapshot.startedAt(), now) : null;
        return row(entry, snapshot, state, pid, uptime, probe, startErrorNotes(entry, snapshot));
    }

    private static StatusRow row(ServiceEntry entry, ModuleSnapshot snapshot, String state, Long pid, Long uptime,
                                 String probe, List<String> notes) {
        String version = snapshot != null && snapshot.version() != null ? snapshot.version() : entry.version();
        String path = entry.paths().isEmpty() ? "" : entry.paths().get(0);
        return new StatusRow(shortOf(entry), entry.port(), version, state, pid, uptime, null, source(entry),
                LoopbackHttp.url(entry.port(), path), probe, notes);
    }

    /** Where the module comes from: its install dir, a first-party fallback, or unknown. */
    static String source(ServiceEntry entry) {
        if (entry.installDir() != null) {
            Path name = Path.of(entry.installDir()).getFileName();
            return "local → " + (name == null ? entry.installDir() : name);
        }
        return KnownModules.byManifest(entry.name()).isPresent() ? "first-party" : "unknown";
    }

    /** The live start error wins over the one persisted in services.json (reference §6.4). */
    static List<String> startErrorNotes(ServiceEntry entry, ModuleSnapshot snapshot) {
        List<String> notes = new ArrayList<>();
        String binary = null;
        String description = null;
        if (snapshot != null && (snapshot.startErrorType() != null || snapshot.startErrorDescription() != null)) {
            binary = snapshot.startErrorBinary();
            description = snapshot.startErrorDescription();
        } else if (entry.lastStartError() != null) {
            binary = text(entry.lastStartError(), "binary");
            description = text(entry.lastStartError(), "error_description");
        }
        if (binary != null) {
            notes.add("failed to start: " + binary + " not installed — install it (or fix PATH), then `parachute restart " + shortOf(entry) + "`");
        } else if (description != null && !description.isBlank()) {
            notes.add("failed to start: " + description.lines().findFirst().orElse(description));
        }
        return notes;
    }

    private static Long uptime(String startedAt, Instant now) {
        if (startedAt == null) {
            return null;
        }
        try {
            return Math.max(0, now.getEpochSecond() - Instant.parse(startedAt).getEpochSecond());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
