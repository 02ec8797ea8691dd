package computer.parachute.hub.cli.client;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What a 2xx module-op reply says happened (DESIGN §6): the module's {@code state} afterwards and its
 * {@code startError}; for a stop, whether a supervised module was stopped. Fields the body lacks are null: the
 * CLI decides its glyph on these, never on the HTTP status alone.
 */
public record ModuleOpReply(String state, Long pid, Integer lastExitCode, String startErrorType,
                            String startErrorDescription, Boolean stopped) {
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    public static ModuleOpReply of(JsonObject body) {
        JsonObject state = body.get("state") instanceof JsonObject s ? s : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject error = state.get("startError") instanceof JsonObject e ? e : JsonValue.EMPTY_JSON_OBJECT;
        return new ModuleOpReply(HttpModuleOpsClient.text(state, "state"),
                state.get("pid") instanceof JsonNumber n ? n.longValue() : null,
                state.get("lastExitCode") instanceof JsonNumber n ? n.intValue() : null,
                HttpModuleOpsClient.text(error, "type"), HttpModuleOpsClient.text(error, "description"),
                body.get("stopped") == JsonValue.TRUE ? Boolean.TRUE
                        : body.get("stopped") == JsonValue.FALSE ? Boolean.FALSE : null);
    }

    public boolean isRunning() {
        return RUNNING.equals(state);
    }
}
