package computer.parachute.hub.cli;

import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.cli.client.ModuleOpsClient;
import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.token.OperatorTokenException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records "short:op" calls; a failure per op (or for every call via {@link #tokenFailure}) is injected by the test. */
public final class FakeModuleOps implements ModuleOpsClient {
    public final List<String> calls = new ArrayList<>();
    public final Map<String, ModuleOpHttpException> failures = new HashMap<>();
    public OperatorTokenException tokenFailure;
    public ModuleOpHttpException modulesFailure;
    public List<ModuleSnapshot> snapshots = List.of();
    public ModuleOpHttpException linkFailure;
    public JsonObject link = jakarta.json.Json.createObjectBuilder()
            .add("url", "http://127.0.0.1:1939/login?code=" + "c".repeat(43)).add("expires_in", 60).build();

    @Override
    public JsonObject loginLink() throws OperatorTokenException, ModuleOpHttpException {
        if (tokenFailure != null) {
            throw tokenFailure;
        }
        calls.add("login-link");
        if (linkFailure != null) {
            throw linkFailure;
        }
        return link;
    }

    @Override
    public JsonObject operate(String shortName, String op) throws OperatorTokenException, ModuleOpHttpException {
        if (tokenFailure != null) {
            throw tokenFailure;
        }
        calls.add(shortName + ":" + op);
        ModuleOpHttpException failure = failures.get(op);
        if (failure != null) {
            throw failure;
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    @Override
    public List<ModuleSnapshot> modules() throws OperatorTokenException, ModuleOpHttpException {
        if (tokenFailure != null) {
            throw tokenFailure;
        }
        calls.add("modules");
        if (modulesFailure != null) {
            throw modulesFailure;
        }
        return snapshots;
    }
}
