package computer.parachute.hub.core.home;

import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code hub-instance.json} as the launcher writes it once the hub serves (DESIGN §4): the running hub's pid, port,
 * start time and instance id. Lets the CLI show a unit-managed hub's pid and uptime and tell whether the hub on the
 * port is the one these files describe. Anything missing or malformed reads as empty: it is a hint, never data.
 */
public record HubInstanceRecord(String instance, long pid, int port, Instant startedAt) {
    private static final long MAX_BYTES = 4096;

    public static Optional<HubInstanceRecord> read(HubHome home) {
        try {
            if (!Files.isRegularFile(home.hubInstanceFile()) || Files.size(home.hubInstanceFile()) > MAX_BYTES) {
                return Optional.empty();
            }
            JsonValue value = JsonFiles.parse(Files.readString(home.hubInstanceFile(), StandardCharsets.UTF_8));
            if (!(value instanceof JsonObject json)) {
                return Optional.empty();
            }
            if (!(json.get("instance") instanceof JsonString instance) || !(json.get("pid") instanceof JsonNumber pid)
                    || !(json.get("port") instanceof JsonNumber port) || !(json.get("startedAt") instanceof JsonString started)) {
                return Optional.empty();
            }
            return Optional.of(new HubInstanceRecord(instance.getString(), pid.longValue(), port.intValue(),
                    Instant.parse(started.getString())));
        } catch (IOException | JsonFiles.InvalidJsonException | DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The recorded pid is a live process (it may still be another's if the pid was reused: compare the instance). */
    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
