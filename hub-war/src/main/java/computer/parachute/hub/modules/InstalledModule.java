package computer.parachute.hub.modules;

import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.supervisor.StartError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The services.json side of a module, as the catalog shows it. */
record InstalledModule(String name, int port, String version, StartError lastStartError) {
    static InstalledModule of(ServiceEntry entry) {
        return new InstalledModule(entry.name(), entry.port(), entry.version(), startError(entry.lastStartError()));
    }

    /** services.json's persisted start error, or null when absent or malformed (never fatal, reference §1.3). */
    private static StartError startError(JsonObject recorded) {
        if (recorded == null || !(recorded.get("error_type") instanceof JsonString type)) {
            return null;
        }
        return new StartError(type.getString(), text(recorded, "error_description"), text(recorded, "binary"), instant(recorded));
    }

    private static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static Instant instant(JsonObject object) {
        String at = text(object, "at");
        try {
            return at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
