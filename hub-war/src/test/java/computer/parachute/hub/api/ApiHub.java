package computer.parachute.hub.api;

import computer.parachute.hub.app.RunningHub;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import computer.parachute.hub.core.token.CreatedVia;
import computer.parachute.hub.core.token.OperatorTokens;
import computer.parachute.hub.core.token.TokenServices;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real hub app (RunningHub: production listener, Supervisor, hub.db) plus what the api tests need around it:
 * operator tokens minted over the hub's own hub.db, python test modules registered in its services.json with a
 * module.json start command, and HTTP helpers. Close it to stop the hub (which stops every module), then every pid
 * a test saw is killed by pid as a safety net.
 */
final class ApiHub implements AutoCloseable {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** A module registered by {@link #install}. */
    record Module(String shortName, int port, Path installDir) {}

    /** An HTTP answer. */
    record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonObject json() {
            assertTrue(contentType.startsWith("application/json"), () -> "content-type " + contentType + ": " + body);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** Asserts status and the one error shape {@code {"error": code, "error_description": text}}. */
        JsonObject assertError(int expectedStatus, String code) {
            assertEquals(expectedStatus, status, body);
            JsonObject error = json();
            assertEquals(code, error.getString("error", null), body);
            assertTrue(!error.getString("error_description", "").isBlank(), body);
            assertEquals(2, error.size(), body);
            return error;
        }

        String description() {
            return json().getString("error_description");
        }
    }

    final RunningHub hub;
    final Path home;
    final Path modulesDir;
    final ProcessReaper reaper = new ProcessReaper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ApiHub(RunningHub hub, Path home, Path modulesDir) {
        this.hub = hub;
        this.home = home;
        this.modulesDir = modulesDir;
    }

    /** Starts the hub over {@code dir/home}; modules registered before (with {@link #preinstall}) boot with it. */
    static ApiHub start(Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        return new ApiHub(RunningHub.start(home, app -> { }), home, Files.createDirectories(dir.resolve("modules")));
    }

    // --- tokens -----------------------------------------------------------------------------------------------

    String issuer() {
        return "http://127.0.0.1:" + hub.uri("/").getPort();
    }

    String mint(String scopeSet) {
        return hub.lifecycle().tokens().operatorTokens().mint(scopeSet, OperatorTokens.DEFAULT_SUBJECT, issuer(),
                CreatedVia.OPERATOR_MINT).token();
    }

    /** A token minted over the hub's db and key by a clock at another time (expired, or not valid yet). */
    String mintAt(Clock clock, String scopeSet) {
        return TokenServices.over(hub.lifecycle().database(), clock).operatorTokens()
                .mint(scopeSet, OperatorTokens.DEFAULT_SUBJECT, issuer(), CreatedVia.OPERATOR_MINT).token();
    }

    // --- modules ----------------------------------------------------------------------------------------------

    /** Registers a python test module: install dir with module.json, {@code <short>/.env}, a services.json row. */
    Module install(String shortName, Map<String, String> env) throws Exception {
        Path dir = TestModules.installDir(modulesDir, shortName);
        return install(shortName, dir, TestModules.command(dir), env);
    }

    Module install(String shortName, Path dir, List<String> startCmd, Map<String, String> env) throws Exception {
        return register(home, modulesDir, shortName, dir, startCmd, env);
    }

    /** Registers a python test module in {@code dir/home} before the hub starts, so the hub boots it. */
    static Module preinstall(Path dir, String shortName, Map<String, String> env) throws Exception {
        Path modules = Files.createDirectories(dir.resolve("modules"));
        Path installDir = TestModules.installDir(modules, shortName);
        return register(Files.createDirectories(dir.resolve("home")), modules, shortName, installDir,
                TestModules.command(installDir), env);
    }

    private static Module register(Path home, Path modules, String shortName, Path dir, List<String> startCmd,
                                   Map<String, String> env) throws Exception {
        int port = FreePorts.find();
        writeManifest(dir, shortName, port, startCmd);
        writeEnv(new HubHome(home), shortName, env);
        new ServicesRegistry(new HubHome(home).servicesJson()).upsert(row(shortName, port, dir));
        return new Module(shortName, port, dir);
    }

    static ServiceEntry row(String shortName, int port, Path dir) {
        return ServiceEntry.of(shortName, port, List.of("/" + shortName), "/health", "0.1.0")
                .withInstallDir(dir.toString());
    }

    static void writeManifest(Path dir, String shortName, int port, List<String> startCmd) throws Exception {
        JsonObject manifest = Json.createObjectBuilder().add("name", shortName).add("port", port)
                .add("paths", Json.createArrayBuilder().add("/" + shortName)).add("health", "/health")
                .add("startCmd", Json.createArrayBuilder(startCmd)).build();
        Path file = dir.resolve(".parachute/module.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, manifest.toString());
    }

    void writeEnv(String shortName, Map<String, String> env) throws Exception {
        writeEnv(new HubHome(home), shortName, env);
    }

    static void writeEnv(HubHome home, String shortName, Map<String, String> env) throws Exception {
        Path file = home.moduleEnvFile(shortName);
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, text.toString());
    }

    /** Remembers the pid of a started module so {@link #close} can kill it even if the hub's stop failed. */
    long track(JsonObject state) {
        JsonValue pid = state.get("pid");
        assertTrue(pid instanceof jakarta.json.JsonNumber, () -> "no pid in " + state);
        return reaper.track(((jakarta.json.JsonNumber) pid).longValue());
    }

    // --- HTTP -------------------------------------------------------------------------------------------------

    Reply send(String method, String path, String bearer) throws Exception {
        return send(method, path, bearer, HttpRequest.BodyPublishers.noBody());
    }

    Reply send(String method, String path, String bearer, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.uri(path)).timeout(REQUEST_TIMEOUT).method(method, body);
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.body(), response);
    }

    Reply get(String path, String token) throws Exception {
        return send("GET", path, "Bearer " + token);
    }

    Reply post(String path, String token) throws Exception {
        return send("POST", path, "Bearer " + token);
    }

    /** The {@code /api/modules} row for {@code shortName}, or null. */
    JsonObject catalogRow(String token, String shortName) throws Exception {
        Reply reply = get("/api/modules", token);
        assertEquals(200, reply.status(), reply.body());
        JsonArray modules = reply.json().getJsonArray("modules");
        List<JsonObject> rows = new ArrayList<>();
        modules.forEach(m -> {
            if (shortName.equals(m.asJsonObject().getString("short"))) {
                rows.add(m.asJsonObject());
            }
        });
        assertTrue(rows.size() <= 1, () -> shortName + " listed twice: " + modules);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public void close() throws Exception {
        try {
            hub.close();
        } finally {
            reaper.close();
        }
    }
}
