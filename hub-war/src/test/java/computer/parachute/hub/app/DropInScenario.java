package computer.parachute.hub.app;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN §10 in a stock container: hub.war as {@code webapps/ROOT.war}, {@code PARACHUTE_HOME} from the environment
 * and nothing else configured. Deploy (health, the served port learned, JSON errors, the API with the operator token
 * the hub wrote, a real Python module running), undeploy (module stopped, hub.db closed, no webapp class loader left
 * in the heap), redeploy (a new hub instance, exactly one module process), container stop (module stopped) and no
 * leak warnings in the container's logs. Module processes are counted from /proc by their unique install dir.
 */
final class DropInScenario {
    static final String MODULE = "dropin";
    private static final Duration DEPLOY_DEADLINE = Duration.ofSeconds(40);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LOADER_DEADLINE = Duration.ofSeconds(15);
    private static final Duration LOADER_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SINGLE_INSTANCE_WATCH = Duration.ofSeconds(2);
    /** Forward, so a coarse file-system clock still sees a change. */
    private static final Duration TOUCH_STEP = Duration.ofSeconds(5);
    /** What Tomcat's WebappClassLoaderBase and a failed listener log, and what a JDBC lookup failure says. */
    private static final List<String> LEAK_AND_FAILURE_MARKERS = List.of("appears to have started a thread named",
            "memory leak", "failed to unregister", "created a ThreadLocal", "No suitable driver",
            "listeners failed to start", "startup failed");

    private final StandaloneContainer container;
    private final Path war;
    private final Path home;
    private final Path moduleScript;
    private final int modulePort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ProcessReaper reaper = new ProcessReaper();

    private DropInScenario(StandaloneContainer container, Path war, Path home, Path moduleScript, int modulePort) {
        this.container = container;
        this.war = war;
        this.home = home;
        this.moduleScript = moduleScript;
        this.modulePort = modulePort;
    }

    /** A fresh PARACHUTE_HOME (0700) with one Python test module registered in services.json. */
    static DropInScenario prepare(Path dir, Path war, StandaloneContainer container) throws Exception {
        Path home = Files.createDirectories(dir.resolve("parachute-home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Path installDir = TestModules.installDir(Files.createDirectories(dir.resolve("modules")), MODULE);
        int port = FreePorts.find();
        JsonObject manifest = Json.createObjectBuilder().add("name", MODULE).add("port", port)
                .add("paths", Json.createArrayBuilder().add("/" + MODULE)).add("health", "/health")
                .add("startCmd", Json.createArrayBuilder(TestModules.command(installDir))).build();
        Files.createDirectories(installDir.resolve(".parachute"));
        Files.writeString(installDir.resolve(".parachute/module.json"), manifest.toString());
        new ServicesRegistry(new HubHome(home).servicesJson()).upsert(
                ServiceEntry.of(MODULE, port, List.of("/" + MODULE), "/health", "0.1.0").withInstallDir(installDir.toString()));
        return new DropInScenario(container, war, home, installDir.resolve(TestModules.SCRIPT_NAME), port);
    }

    void run() throws Exception {
        try {
            deploy();
            Process process = container.start(Map.of("PARACHUTE_HOME", home.toString()));
            String origin = "http://127.0.0.1:" + container.port();
            if (container.namesItsPortAtDeploy()) { // before any request: the module booted with the real origin
                await(process, "module booted", () -> !moduleProcesses().isEmpty());
                assertEquals(origin, environment(moduleProcesses().get(0)).get("PARACHUTE_HUB_ORIGIN"));
            }
            JsonObject first = awaitHealth(process, null);
            assertEquals(container.port(), first.getInt("port"), first::toString);
            assertTrue(first.getBoolean("portKnown"), first::toString);
            assertEquals("ok", first.getString("db"), first::toString);
            String token = useTheApi(process, origin);
            long running = moduleRunningAfterRestart(process, token, origin);
            undeploy(process);
            JsonObject second = redeploy(process, first.getString("instance"), token, running);
            touchRedeploy(process, second.getString("instance"), token);
            stopWithTheContainer(process);
        } finally {
            moduleProcesses().forEach(reaper::track); // only what carries this test's unique install dir
            reaper.close();
            container.close();
        }
    }

    /** JSON errors, then the operator token the hub minted for the port it learned: the API accepts it. */
    private String useTheApi(Process process, String origin) throws Exception {
        assertJsonError(send("GET", "/nope", null), 404, "not_found");
        assertJsonError(send("POST", "/health", null), 405, "method_not_allowed");
        assertJsonError(send("GET", "/api/modules", null), 401, "unauthenticated");
        // the metrics servlet's exact mapping wins over Jersey's /* in a stock container too
        HttpResponse<String> metrics = send("GET", "/metrics", null);
        assertEquals(200, metrics.statusCode(), metrics::body);
        assertTrue(metrics.body().contains("parachute_hub_build_info{version="), metrics::body);
        Path tokenFile = home.resolve("operator.token");
        // a slow first request may still be minting it when a retried one has answered
        await(process, "operator.token written", () -> Files.isRegularFile(tokenFile));
        String token = Files.readString(tokenFile).trim();
        assertDashboardServed(token);
        return token;
    }

    /**
     * The dashboard's files come from the WAR's web root here (no launcher): the sign-in page and the script are
     * served, and a login link minted with the operator token the hub wrote opens a session on the page.
     */
    private void assertDashboardServed(String token) throws Exception {
        HttpResponse<String> signIn = send("GET", "/", null);
        assertEquals(200, signIn.statusCode(), signIn::body);
        assertTrue(signIn.body().contains("parachute dashboard"), signIn::body);
        assertEquals(200, send("GET", "/ui/app.js", null).statusCode());
        HttpResponse<String> minted = send("POST", "/api/dashboard/login-link", token);
        assertEquals(200, minted.statusCode(), minted::body);
        Matcher url = Pattern.compile("\"url\":\"(http://127\\.0\\.0\\.1:" + container.port() + "/login\\?code=[^\"]+)\"")
                .matcher(minted.body());
        assertTrue(url.find(), minted::body);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url.group(1))).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), login::body);
        String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + container.port() + "/"))
                .header("Cookie", cookie).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("<meta name=\"csrf-token\""), page::body);
    }

    /** The booted module runs alone; restarted through the API, the new child is told the hub's real origin. */
    private long moduleRunningAfterRestart(Process process, String token, String origin) throws Exception {
        long booted = awaitModuleRunning(process, token, -1);
        assertEquals(List.of(booted), moduleProcesses(), "one module process after boot");
        HttpResponse<String> restart = send("POST", "/api/modules/" + MODULE + "/restart", token);
        assertEquals(200, restart.statusCode(), restart::body);
        long restarted = awaitModuleRunning(process, token, booted);
        assertEquals(origin, environment(restarted).get("PARACHUTE_HUB_ORIGIN"),
                "a module spawned once the port is known is told the hub's real origin");
        return restarted;
    }

    /** Deleting the WAR stops the module, closes hub.db and leaves no webapp class loader behind. */
    private void undeploy(Process process) throws Exception {
        Files.delete(container.webapps().resolve("ROOT.war"));
        awaitUndeployed(process);
        // SQLite folds the WAL back and deletes it when the pool's last connection closes (after the modules stop)
        await(process, "hub.db closed after undeploy", () -> !Files.exists(home.resolve("hub.db-wal")));
        awaitNoWebappLoader(process);
    }

    /** Putting the WAR back starts a new hub instance with exactly one process of the module. */
    private JsonObject redeploy(Process process, String firstInstance, String token, long previousPid) throws Exception {
        deploy();
        JsonObject second = awaitHealth(process, firstInstance);
        assertEquals(container.port(), second.getInt("port"), second::toString);
        long redeployed = awaitModuleRunning(process, token, previousPid);
        assertStaysTheOnlyModuleProcess(redeployed);
        return second;
    }

    /** Touching the WAR in place redeploys it: the old hub stops its module before the new one starts its own. */
    private void touchRedeploy(Process process, String previousInstance, String token) throws Exception {
        long before = moduleProcesses().get(0);
        Path war = container.webapps().resolve("ROOT.war");
        Files.setLastModifiedTime(war, FileTime.fromMillis(Files.getLastModifiedTime(war).toMillis() + TOUCH_STEP.toMillis()));
        awaitHealth(process, previousInstance);
        assertStaysTheOnlyModuleProcess(awaitModuleRunning(process, token, before));
    }

    /** Exactly one module process after a redeploy, and still only that one a moment later (no late second spawn). */
    private void assertStaysTheOnlyModuleProcess(long pid) throws InterruptedException {
        long until = System.nanoTime() + SINGLE_INSTANCE_WATCH.toNanos();
        do {
            assertEquals(List.of(pid), moduleProcesses(), "exactly one module process after a redeploy");
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        } while (System.nanoTime() < until);
    }

    /** SIGTERM: the container exits, undeploying the hub (module stopped, hub.db closed), and logged no leak. */
    private void stopWithTheContainer(Process process) throws Exception {
        process.destroy();
        assertTrue(process.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS), () -> "container did not exit" + container.logs());
        await(process, "module stopped with the container", () -> moduleProcesses().isEmpty());
        assertFalse(Files.exists(home.resolve("hub.db-wal")), () -> "hub.db was not closed on stop" + container.logs());
        assertNoLeakWarnings();
    }

    /** Drops the WAR in atomically, so the container never sees half a file. */
    private void deploy() throws IOException {
        Path staged = Files.copy(war, container.webapps().resolveSibling("ROOT.war.staged"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, container.webapps().resolve("ROOT.war"), StandardCopyOption.ATOMIC_MOVE);
    }

    private JsonObject awaitHealth(Process process, String previousInstance) throws Exception {
        long deadline = System.nanoTime() + DEPLOY_DEADLINE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = send("GET", "/health", null);
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonObject health = json(response.body());
                    if (!health.getString("instance").equals(previousInstance)) {
                        return health;
                    }
                }
            } catch (IOException notListening) {
                last = notListening.toString();
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("no /health from a new hub instance (alive=" + process.isAlive() + ", last: " + last + ")"
                + container.logs());
    }

    /** Waits until the API reports the module running with a pid other than {@code notPid}, answering on its port. */
    private long awaitModuleRunning(Process process, String token, long notPid) throws Exception {
        long[] pid = {-1};
        await(process, "module running (not pid " + notPid + ")", () -> {
            Optional<JsonObject> row = moduleRow(token);
            if (row.isEmpty() || !"running".equals(row.get().getString("supervisor_status", ""))
                    || !(row.get().get("pid") instanceof jakarta.json.JsonNumber number) || number.longValue() == notPid) {
                return false;
            }
            pid[0] = number.longValue();
            return moduleAnswersAs(pid[0]);
        });
        return pid[0];
    }

    private Optional<JsonObject> moduleRow(String token) {
        try {
            HttpResponse<String> response = send("GET", "/api/modules", token);
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return json(response.body()).getJsonArray("modules").stream().map(JsonValue::asJsonObject)
                    .filter(row -> MODULE.equals(row.getString("short", ""))).findFirst();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private boolean moduleAnswersAs(long pid) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + modulePort + "/health"))
                    .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && json(response.body()).getJsonNumber("pid").longValue() == pid;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void awaitUndeployed(Process process) throws Exception {
        await(process, "hub gone and module stopped after undeploy", () -> {
            try {
                if (send("GET", "/health", null).statusCode() == 200) {
                    return false;
                }
            } catch (IOException | InterruptedException e) {
                return false; // the container must keep serving (its own 404) while the hub is gone
            }
            return moduleProcesses().isEmpty();
        });
    }

    private void await(Process process, String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEPLOY_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("timed out waiting for: " + what + " (container alive=" + process.isAlive()
                + ", module pids=" + moduleProcesses() + ")" + container.logs());
    }

    /** Live processes whose command line runs this test's module script (zombies have none). */
    List<Long> moduleProcesses() {
        List<Long> pids = new ArrayList<>();
        String script = moduleScript.toString();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String[] argv = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
                    if (List.of(argv).contains(script)) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // exited while we looked
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e, e);
        }
        pids.sort(null);
        return pids;
    }

    private static Map<String, String> environment(long pid) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String pair : new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")), StandardCharsets.UTF_8).split("\0")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }

    /** The container may still be finishing the undeploy when the hub is gone: the count must reach 0, in bounds. */
    private void awaitNoWebappLoader(Process process) throws Exception {
        long deadline = System.nanoTime() + LOADER_DEADLINE.toNanos();
        long live;
        do {
            live = liveInstances(process, container.webappLoaderClass());
        } while (live > 0 && System.nanoTime() < deadline && sleep(LOADER_POLL_INTERVAL));
        long left = live;
        assertEquals(0, left, () -> left + " webapp class loader(s) outlived the undeploy" + container.logs());
    }

    private static boolean sleep(Duration interval) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        return true;
    }

    /**
     * Instances of {@code loaderClass} in the container's heap: {@code jcmd GC.class_histogram} counts live objects
     * after a full GC. The containers run with soft references cleared at every GC, so only strong references count.
     */
    private static long liveInstances(Process container, String loaderClass) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process histogram = new ProcessBuilder(jcmd.toString(), String.valueOf(container.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String out = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(histogram.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS) && histogram.exitValue() == 0, out);
        Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(loaderClass) + "\\s*$").matcher(out);
        return row.find() ? Long.parseLong(row.group(1)) : 0;
    }

    private void assertNoLeakWarnings() {
        String logs = container.logs();
        for (String marker : LEAK_AND_FAILURE_MARKERS) {
            assertFalse(logs.contains(marker), () -> "container logged \"" + marker + "\":" + logs);
        }
    }

    private HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + container.port() + path))
                .timeout(REQUEST_TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"),
                () -> response.headers().map().toString());
        JsonObject body = json(response.body());
        assertEquals(code, body.getString("error"), response::body);
        assertNotEquals("", body.getString("error_description", ""), response::body);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
