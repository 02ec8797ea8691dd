package computer.parachute.hub.cli.status;

import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code parachute status} shows: module rows in services.json order, the hub row, and notes that
 * belong to no row (services.json warnings, the empty-registry hint).
 *
 * <p>The {@code --json} shape is stable (fields are only ever added):
 * <pre>
 * {
 *   "failing": false,                    // true exactly when the exit code is 1
 *   "modules": [ ROW, ... ],             // services.json order
 *   "hub": ROW,
 *   "notes": [ "..." ]
 * }
 * ROW = {"service": "vault", "port": 1940 | null, "version": "1.2.0" | null,
 *        "state": "active" | "pending" | "inactive" | "failing", "pid": 4242 | null,
 *        "uptime_seconds": 12 | null, "latency_ms": 3 | null, "source": "..." | null,
 *        "url": "http://127.0.0.1:1940/vault" | null, "probe": "supervisor: crashed" | null,
 *        "notes": [ "..." ]}
 * </pre>
 */
public record StatusReport(List<StatusRow> modules, StatusRow hub, List<String> notes) {
    public StatusReport {
        modules = List.copyOf(modules);
        notes = List.copyOf(notes);
    }

    /** Reference §6.4: exit 1 only when a row is failing. */
    public boolean failing() {
        return hub.failing() || modules.stream().anyMatch(StatusRow::failing);
    }

    public List<String> tableLines() {
        List<StatusRow> rows = new ArrayList<>(modules);
        rows.add(hub);
        List<String> lines = new ArrayList<>(StatusTable.render(rows));
        notes.forEach(note -> lines.add("! " + note));
        return lines;
    }

    public String toJson() {
        JsonArrayBuilder moduleRows = Json.createArrayBuilder();
        modules.forEach(row -> moduleRows.add(json(row)));
        JsonObject root = Json.createObjectBuilder().add("failing", failing()).add("modules", moduleRows)
                .add("hub", json(hub)).add("notes", Json.createArrayBuilder(notes)).build();
        return JsonFiles.pretty(root);
    }

    private static JsonObject json(StatusRow row) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("service", row.service());
        putNumber(b, "port", row.port() == null ? null : row.port().longValue());
        putText(b, "version", row.version());
        b.add("state", row.state());
        putNumber(b, "pid", row.pid());
        putNumber(b, "uptime_seconds", row.uptimeSeconds());
        putNumber(b, "latency_ms", row.latencyMillis());
        putText(b, "source", row.source());
        putText(b, "url", row.url());
        putText(b, "probe", row.failing() ? row.probe() : null);
        return b.add("notes", Json.createArrayBuilder(row.notes())).build();
    }

    private static void putNumber(JsonObjectBuilder b, String field, Long value) {
        if (value == null) {
            b.addNull(field);
        } else {
            b.add(field, value);
        }
    }

    private static void putText(JsonObjectBuilder b, String field, String value) {
        if (value == null) {
            b.addNull(field);
        } else {
            b.add(field, value);
        }
    }
}
