package computer.parachute.hub.cli.fault;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP to the hub under test with the operator token the hub minted. Every answer is checked as it arrives
 * (invariant 5): a JSON body, and on a non-2xx status an {@code error} code; a bad one is recorded as a violation.
 * A refused connection is returned as status -1 (the caller knows whether the hub should be up).
 */
final class HubApi {
    /** Covers the slowest op: a restart that waits out the 5 s stop grace and then the 4 s readiness window. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** One answer: status (-1 when no answer), the JSON object (null when none). */
    record Answer(int status, JsonObject json, String body) {
        JsonObject state() {
            return json != null && json.get("state") instanceof JsonObject s ? s : json;
        }

        String stateName() {
            JsonObject state = state();
            return state == null ? null : state.getString("state", state.getString("supervisor_status", null));
        }

        String startErrorType() {
            JsonObject state = state();
            JsonValue error = state == null ? null : state.get(state.containsKey("startError") ? "startError" : "start_error");
            return error instanceof JsonObject e ? e.getString("type", null) : null;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final int port;
    private final Path tokenFile;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();

    HubApi(int port, Path tokenFile) {
        this.port = port;
        this.tokenFile = tokenFile;
    }

    Answer get(String path) {
        return send("GET", path);
    }

    Answer post(String path) {
        return send("POST", path);
    }

    Answer send(String method, String path) {
        calls.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody());
        token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
        Answer answer = new Answer(response.statusCode(), parse(response.body()), response.body());
        judge(method + " " + path, answer);
        return answer;
    }

    private void judge(String what, Answer answer) {
        if (answer.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        boolean ok = answer.status() >= 200 && answer.status() < 300;
        if (answer.json() == null) {
            violations.add(what + " -> " + answer.status() + " without a JSON body: " + abbreviate(answer.body()));
        } else if (!ok && answer.json().getString("error", "").isEmpty()) {
            violations.add(what + " -> " + answer.status() + " without an error code: " + abbreviate(answer.body()));
        }
    }

    private Optional<String> token() {
        try {
            return Optional.of(Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read() instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    int calls() {
        return calls.get();
    }

    int serverErrors() {
        return serverErrors.get();
    }
}
