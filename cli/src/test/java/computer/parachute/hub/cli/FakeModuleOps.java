package computer.parachute.hub.cli;

import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.cli.client.ModuleOpsClient;
import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.token.OperatorTokenException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records "short:op" calls; a failure per op (or for every call via {@link #tokenFailure}) is injected by the test.
 * Replies are the hub's shapes: a start/restart leaves the module {@code running}, a stop {@code stopped}, unless
 * the test puts another body in {@link #replies}; {@link #installed} are the names {@code module()} finds.
 */
public final class FakeModuleOps implements ModuleOpsClient {
    public final List<String> calls = new ArrayList<>();
    public final Map<String, ModuleOpHttpException> failures = new HashMap<>();
    public final Map<String, JsonObject> replies = new HashMap<>();
    public final Set<String> installed = new HashSet<>();
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
        if (replies.containsKey(op)) {
            return replies.get(op);
        }
        boolean stop = op.equals("stop");
        JsonObjectBuilder state = Json.createObjectBuilder().add("short", shortName)
                .add("state", stop ? "stopped" : "running");
        if (!stop) {
            state.add("pid", 4242);
        }
        JsonObjectBuilder reply = Json.createObjectBuilder().add("short", shortName);
        if (stop) {
            reply.add("stopped", true);
        }
        return reply.add("state", state).build();
    }

    @Override
    public Optional<ModuleSnapshot> module(String shortName) throws OperatorTokenException {
        if (tokenFailure != null) {
            throw tokenFailure;
        }
        calls.add(shortName + ":get");
        return installed.contains(shortName) ? Optional.of(new ModuleSnapshot(shortName, shortName, 1940, "1", true,
                null, null, null, null, null, null)) : Optional.empty();
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
