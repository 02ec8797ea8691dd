package computer.parachute.hub.cli.client;

import computer.parachute.hub.core.json.JsonFiles;
import computer.parachute.hub.core.token.OperatorTokenException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ModuleOpsClient} over {@link LoopbackHttp}; the bearer is resolved before any request is sent. */
public final class HttpModuleOpsClient implements ModuleOpsClient {
    /** A start waits for the module's readiness gate (4 s) and a stop for its grace (5 s) plus SIGKILL; DESIGN §5. */
    public static final Duration OP_TIMEOUT = Duration.ofSeconds(30);
    /** Reference §4.5: the module-state read used by status gives up after 3,000 ms. */
    public static final Duration STATES_TIMEOUT = Duration.ofMillis(3_000);

    private final int port;
    private final OperatorBearer bearer;
    private final Duration opTimeout;
    private final Duration statesTimeout;

    public HttpModuleOpsClient(int port, OperatorBearer bearer) {
        this(port, bearer, OP_TIMEOUT, STATES_TIMEOUT);
    }

    public HttpModuleOpsClient(int port, OperatorBearer bearer, Duration opTimeout, Duration statesTimeout) {
        this.port = port;
        this.bearer = bearer;
        this.opTimeout = opTimeout;
        this.statesTimeout = statesTimeout;
    }

    @Override
    public JsonObject operate(String shortName, String op) throws OperatorTokenException, ModuleOpHttpException {
        String token = bearer.bearer();
        LoopbackHttp.Response response = call(() -> LoopbackHttp.post(port, "/api/modules/" + shortName + "/" + op, token, opTimeout), opTimeout);
        return objectOrEmpty(response.body());
    }

    @Override
    public Optional<ModuleSnapshot> module(String shortName) throws OperatorTokenException, ModuleOpHttpException {
        String token = bearer.bearer();
        try {
            LoopbackHttp.Response response = call(() -> LoopbackHttp.get(port, "/api/modules/" + shortName, token,
                    statesTimeout), statesTimeout);
            return Optional.of(snapshot(objectOrEmpty(response.body())));
        } catch (ModuleOpHttpException e) {
            if (e.status() == 404 && "not_found".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public JsonObject loginLink() throws OperatorTokenException, ModuleOpHttpException {
        String token = bearer.bearer();
        LoopbackHttp.Response response = call(() -> LoopbackHttp.post(port, "/api/dashboard/login-link", token, statesTimeout), statesTimeout);
        return objectOrEmpty(response.body());
    }

    @Override
    public List<ModuleSnapshot> modules() throws OperatorTokenException, ModuleOpHttpException {
        String token = bearer.bearer();
        LoopbackHttp.Response response = call(() -> LoopbackHttp.get(port, "/api/modules", token, statesTimeout), statesTimeout);
        JsonValue modules = objectOrEmpty(response.body()).get("modules");
        List<ModuleSnapshot> out = new ArrayList<>();
        if (modules instanceof JsonArray array) {
            for (JsonValue row : array) {
                if (row instanceof JsonObject object && text(object, "short") != null) {
                    out.add(snapshot(object));
                }
            }
        }
        return out;
    }

    private interface Request {
        LoopbackHttp.Response send() throws IOException;
    }

    private LoopbackHttp.Response call(Request request, Duration timeout) throws ModuleOpHttpException {
        LoopbackHttp.Response response;
        try {
            response = request.send();
        } catch (SocketTimeoutException e) {
            throw new ModuleOpHttpException(0, "request_timeout", "the hub on port " + port + " did not answer within " + timeout.toMillis() + "ms");
        } catch (IOException e) {
            throw new ModuleOpHttpException(0, "request_failed", "could not reach the hub on port " + port + " (" + e.getMessage() + ")");
        }
        if (!response.ok()) {
            JsonObject body = objectOrEmpty(response.body());
            String code = text(body, "error");
            String description = text(body, "error_description");
            throw new ModuleOpHttpException(response.status(), code == null ? "error" : code,
                    description == null ? "request failed" : description);
        }
        return response;
    }

    static ModuleSnapshot snapshot(JsonObject row) {
        JsonObject error = row.get("start_error") instanceof JsonObject e ? e
                : row.get("supervisor_start_error") instanceof JsonObject e2 ? e2 : null;
        return new ModuleSnapshot(text(row, "short"), text(row, "name"), integer(row, "port"), text(row, "version"),
                row.get("installed") == JsonValue.TRUE, text(row, "supervisor_status"),
                row.get("pid") instanceof JsonNumber n ? n.longValue() : null, text(row, "startedAt"),
                error == null ? null : text(error, "error_type"), error == null ? null : text(error, "error_description"),
                error == null ? null : text(error, "binary"));
    }

    /** The body as a JSON object; anything else (empty, HTML, an array) is an empty object, never an exception. */
    static JsonObject objectOrEmpty(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JsonFiles.reader(body)) {
            return reader.readValue() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static Integer integer(JsonObject object, String field) {
        return object.get(field) instanceof JsonNumber n ? n.intValue() : null;
    }
}
