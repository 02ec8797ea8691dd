package computer.parachute.hub.core.manifest;

import computer.parachute.hub.core.json.JsonFields;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Objects;

/**
 * One row of services.json (reference §1.3). {@code raw} is the row as read, so fields this hub does not know
 * (publicExposure, uis, ...) survive a rewrite untouched.
 */
public record ServiceEntry(String name, int port, List<String> paths, String health, String version,
                           String displayName, String tagline, String installDir, JsonObject lastStartError,
                           JsonObject raw) {

    public ServiceEntry {
        Objects.requireNonNull(name, "name");
        paths = List.copyOf(paths);
        raw = raw == null ? JsonObject.EMPTY_JSON_OBJECT : raw;
    }

    /** A new row with the required fields only. */
    public static ServiceEntry of(String name, int port, List<String> paths, String health, String version) {
        return new ServiceEntry(name, port, paths, health, version, null, null, null, null, null);
    }

    /** Validates and reads a row; the exception names the first bad field. */
    public static ServiceEntry fromJson(JsonObject row) throws JsonFields.FieldException {
        JsonFields fields = new JsonFields(row);
        String health = fields.requiredString("health");
        if (!health.startsWith("/")) {
            throw new JsonFields.FieldException("health", "must start with \"/\", got \"" + health + "\"");
        }
        String installDir = fields.optionalString("installDir");
        if (installDir != null && installDir.isBlank()) {
            throw new JsonFields.FieldException("installDir", "must be a non-empty path when present");
        }
        return new ServiceEntry(fields.requiredString("name"), fields.requiredPort("port"),
                fields.requiredStringList("paths"), health, fields.requiredString("version"),
                fields.optionalString("displayName"), fields.optionalString("tagline"), installDir,
                fields.objectOrNull("lastStartError"), row);
    }

    /** The row as JSON: the raw row with the known fields overwritten in place (order kept, new ones appended). */
    public JsonObject toJson() {
        JsonObjectBuilder row = Json.createObjectBuilder(raw);
        row.add("name", name).add("port", port).add("paths", Json.createArrayBuilder(paths)).add("health", health)
                .add("version", version);
        putOrRemove(row, "displayName", displayName);
        putOrRemove(row, "tagline", tagline);
        putOrRemove(row, "installDir", installDir);
        if (lastStartError == null) {
            row.remove("lastStartError");
        } else {
            row.add("lastStartError", lastStartError);
        }
        return row.build();
    }

    /** {@code stripPrefix} (reference §1.3): the front door removes the matched path before forwarding. */
    public boolean stripPrefix() {
        return raw.getBoolean("stripPrefix", false);
    }

    public ServiceEntry withInstallDir(String dir) {
        return new ServiceEntry(name, port, paths, health, version, displayName, tagline, dir, lastStartError, raw);
    }

    public ServiceEntry withPort(int newPort) {
        return new ServiceEntry(name, newPort, paths, health, version, displayName, tagline, installDir, lastStartError, raw);
    }

    public ServiceEntry withLastStartError(JsonObject error) {
        return new ServiceEntry(name, port, paths, health, version, displayName, tagline, installDir, error, raw);
    }

    private static void putOrRemove(JsonObjectBuilder row, String field, String value) {
        if (value == null) {
            row.remove(field);
        } else {
            row.add(field, value);
        }
    }
}
