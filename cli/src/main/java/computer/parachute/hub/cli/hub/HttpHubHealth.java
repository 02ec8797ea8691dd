package computer.parachute.hub.cli.hub;

import computer.parachute.hub.core.json.JsonFiles;
import computer.parachute.hub.cli.client.LoopbackHttp;
import computer.parachute.hub.core.time.MonotonicClock;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** {@link HubHealth} over plain loopback HTTP with the reference's 1.5 s timeout (§3.1). */
public final class HttpHubHealth implements HubHealth {
    /** Reference §3.1: the CLI's liveness probe gives up after 1,500 ms. */
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(1_500);

    private final MonotonicClock clock;
    private final Duration timeout;

    public HttpHubHealth(MonotonicClock clock) {
        this(clock, PROBE_TIMEOUT);
    }

    public HttpHubHealth(MonotonicClock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Optional<HealthInfo> probe(int port) {
        long start = clock.millis();
        try {
            LoopbackHttp.Response response = LoopbackHttp.get(port, "/health", null, timeout);
            if (!response.ok()) {
                return Optional.empty();
            }
            JsonObject body = parse(response.body());
            return Optional.of(new HealthInfo(text(body, "service"), text(body, "version"), text(body, "instance"),
                    text(body, "db"), clock.millis() - start));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = JsonFiles.reader(body)) {
            return reader.readValue() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
