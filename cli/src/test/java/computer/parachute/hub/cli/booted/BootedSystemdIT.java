package computer.parachute.hub.cli.booted;

import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.unit.Platform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hub's unit arm under a real systemd (issue 12, "What a real systemd showed"): a Debian 12 tree booted with
 * {@code systemd-nspawn -b} ({@link BootedContainer}), the host's JDK and the built jars bind-mounted read-only, and
 * the real {@code parachute} CLI run inside as root: {@code hub install --no-start} (enabled, not started, a
 * deliberate PATH, {@code systemd-analyze verify} clean), {@code start hub} (Type=notify: active only after READY=1),
 * module verbs on a real Python http.server module, {@code status} with systemd's MainPID and an uptime, six
 * {@code restart hub} in a row (each answers only once /health does; none trips StartLimitBurst), {@code kill -9}
 * of the hub (systemd's {@code Restart=} brings it back; the module gets SIGTERM, not SIGKILL), {@code logs hub} from
 * journald, a reboot (the hub and its module come back by themselves), {@code stop} (a daemon that escaped the hub's proof is swept from the unit's cgroup) and
 * {@code hub uninstall}. Skipped only where nspawn cannot run at all (not root, no
 * systemd-nspawn/nsenter, no debootstrap and no cached tree); the tree is built once (~2 min) and cached in
 * {@code ~/.cache/parachute-it} ({@code PARACHUTE_IT_CACHE}).
 */
class BootedSystemdIT {
    private static final String UNIT = "parachute-hub.service";
    private static final String UNIT_FILE = "/etc/systemd/system/" + UNIT;
    private static final String CLI = "/opt/parachute/parachute";
    private static final String HUB = "http://127.0.0.1:1939";
    private static final int MODULE_PORT = 8080;
    private static final String MODULE = "http://127.0.0.1:" + MODULE_PORT;
    /** Where the module writes one line per SIGTERM it gets (a file: after a hub crash its stdout pipe is gone). */
    private static final String SIGNAL_MARKS = "/run/hello-signals";
    private static final Duration UP = Duration.ofSeconds(30);
    /** RestartSec=5, the reaper's grace (at most 5 s), a hub start: well inside this. */
    private static final Duration RESTARTED = Duration.ofSeconds(45);
    private static final String SERVER = String.join("\n",
            "import json, os, signal",
            "from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer",
            "",
            "def escape():",
            "    # a daemon the hub cannot prove is this module's: own session, reparented to PID 1, no environment",
            "    r, w = os.pipe()",
            "    if os.fork() == 0:",
            "        os.setsid()",
            "        if os.fork() == 0:",
            "            os.write(w, str(os.getpid()).encode())",
            "            null = os.open('/dev/null', os.O_RDWR)",
            "            for fd in (0, 1, 2):",
            "                os.dup2(null, fd)",
            "            os.execve('/bin/sleep', ['sleep', '600'], {})",
            "        os._exit(0)",
            "    os.close(w)",
            "    pid = int(os.read(r, 32).decode())",
            "    os.close(r)",
            "    os.wait()",
            "    return pid",
            "",
            "class Handler(BaseHTTPRequestHandler):",
            "    def do_GET(self):",
            "        if self.path == '/escape':",
            "            body = json.dumps({'escaped': escape()}).encode()",
            "        else:",
            "            body = json.dumps({'ok': True, 'pid': os.getpid()}).encode()",
            "        self.send_response(200 if self.path in ('/health', '/escape') else 404)",
            "        self.send_header('content-length', str(len(body)))",
            "        self.end_headers()",
            "        self.wfile.write(body)",
            "",
            "    def log_message(self, *args):",
            "        pass",
            "",
            "def on_term(*_):",
            "    with open('" + SIGNAL_MARKS + "', 'a') as marks:",
            "        marks.write('TERM %d\\n' % os.getpid())",
            "    os._exit(0)",
            "",
            "signal.signal(signal.SIGTERM, on_term)",
            "server = ThreadingHTTPServer(('127.0.0.1', int(os.environ['PORT'])), Handler)",
            "print('hello listening, pid %d' % os.getpid(), flush=True)",
            "server.serve_forever()",
            "");

    private static Path rootfs;

    @TempDir
    Path temp;
    private Map<Path, String> binds;
    private BootedContainer container;

    @BeforeAll
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    static void rootfs() throws Exception {
        assumeTrue(Platform.current().isLinux() && Platform.current().isRoot(),
                "booting systemd in a container needs root on Linux");
        assumeTrue(onPath("systemd-nspawn") && onPath("nsenter"),
                "no systemd-nspawn/nsenter on PATH (apt-get install systemd-container util-linux)");
        assumeTrue(Files.isDirectory(DebianRootfs.cached()) || onPath("debootstrap"),
                "no cached rootfs at " + DebianRootfs.cached() + " and no debootstrap to make one (apt-get install debootstrap)");
        assertTrue(Files.isRegularFile(cliJar()) && Files.isRegularFile(launcherJar()),
                "build the jars first (mvn verify does): " + cliJar() + ", " + launcherJar());
        Path work = Files.createDirectories(workDir());
        long started = System.nanoTime();
        boolean cached = Files.isDirectory(DebianRootfs.cached());
        rootfs = DebianRootfs.ensure(work.resolve("debootstrap.log"));
        System.out.printf("[booted-systemd] rootfs %s: %s (%.1f s)%n", cached ? "cached" : "built", rootfs,
                (System.nanoTime() - started) / 1e9);
    }

    @AfterEach
    void powerOff() {
        if (container != null) {
            container.saveJournal();
            container.close();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theHubUnitUnderARealSystemd() throws Exception {
        try (Stream<Path> old = Files.list(workDir())) {
            for (Path file : old.filter(p -> p.getFileName().toString().startsWith("cmd-")).toList()) {
                Files.delete(file);
            }
        }
        long started = System.nanoTime();
        binds = binds();
        container = boot();
        System.out.printf("[booted-systemd] booted in %.1f s%n", (System.nanoTime() - started) / 1e9);

        // hub install --no-start: enabled for boot, not running; a deliberate PATH, not the installing shell's
        String shellPath = "/root/only-in-this-shell:" + BootedContainer.PATH;
        BootedContainer.Result install = container.ok("env", "PATH=" + shellPath, CLI, "hub", "install", "--no-start");
        assertTrue(install.stdout().contains("starts on boot (not started now"), install.all());
        assertEquals("enabled", container.exec("systemctl", "is-enabled", UNIT).stdout().strip());
        assertEquals("inactive", container.exec("systemctl", "is-active", UNIT).stdout().strip());
        String unitFile = container.ok("cat", UNIT_FILE).stdout();
        String unitPath = unitFile.lines().filter(l -> l.startsWith("Environment=PATH=")).findFirst()
                .orElseThrow(() -> new AssertionError("no PATH in the unit:\n" + unitFile)).substring("Environment=PATH=".length());
        assertFalse(unitPath.contains("only-in-this-shell"), unitFile);
        assertTrue(install.stdout().contains("PATH for the hub and its modules: " + unitPath), install.all());
        BootedContainer.Result verify = container.exec("systemd-analyze", "verify", UNIT_FILE);
        assertEquals(0, verify.code(), verify.all());
        assertFalse(verify.all().contains(UNIT), "systemd-analyze verify has something to say: " + verify.all());

        // start hub: Type=notify, so systemd calls it active only once the hub said READY=1
        BootedContainer.Result start = container.ok(CLI, "start", "hub");
        assertTrue(start.stdout().contains("✓ hub is up"), start.all());
        assertEquals("active", container.unitProperty(UNIT, "ActiveState"));
        assertEquals("notify", container.unitProperty(UNIT, "Type"));
        assertTrue(answers(HUB + "/health"), "start hub returns once /health answers");

        // module verbs on a real Python http.server module, its start command found on the unit's PATH
        BootedContainer.Result registered = container.ok(CLI, "install", "/srv/hello");
        assertTrue(registered.stdout().contains("registered hello"), registered.all());
        Poll.require(UP, "the hub starts the module", () -> answers(MODULE + "/health"));
        long first = modulePid();
        assertTrue(container.ok(CLI, "stop", "hello").stdout().contains("✓ hello stopped."));
        assertFalse(answers(MODULE + "/health"), "stop returns after the module has exited");
        assertTrue(signalMarks().contains("TERM " + first), "the hub stops a module with SIGTERM: " + signalMarks());
        assertTrue(container.ok(CLI, "start", "hello").stdout().contains("✓ hello started."));
        long second = modulePid();
        assertTrue(container.ok(CLI, "restart", "hello").stdout().contains("✓ hello restarted."));
        assertNotEquals(second, modulePid());

        // status: the hub's PID is systemd's MainPID, with an uptime
        JsonObject hub = status().getJsonObject("hub");
        assertEquals("active", hub.getString("state"), hub.toString());
        assertEquals(Long.parseLong(container.unitProperty(UNIT, "MainPID")), hub.getJsonNumber("pid").longValue(), hub.toString());
        assertTrue(hub.containsKey("uptime_seconds") && !hub.isNull("uptime_seconds"), hub.toString());
        assertEquals("systemd", hub.getString("source"), hub.toString());

        // six manual restarts within a minute: each returns once the hub answers; none counts toward StartLimitBurst=5
        for (int i = 1; i <= 6; i++) {
            String before = container.unitProperty(UNIT, "MainPID");
            BootedContainer.Result restart = container.ok(CLI, "restart", "hub");
            assertTrue(restart.stdout().contains("✓ hub restarted"), "restart " + i + ": " + restart.all());
            assertTrue(answers(HUB + "/health"), "restart " + i + " returned before /health answered");
            assertNotEquals(before, container.unitProperty(UNIT, "MainPID"), "restart " + i);
            assertFalse(status().getBoolean("failing"), "status right after restart " + i);
        }
        assertEquals("active", container.unitProperty(UNIT, "ActiveState"));
        Poll.require(UP, "the restarted hub boots the module", () -> answers(MODULE + "/health"));

        // kill -9 of the hub: Restart= brings it back; its module gets SIGTERM and a grace, not systemd's SIGKILL
        long orphan = modulePid();
        String crashed = container.unitProperty(UNIT, "MainPID");
        long restarts = Long.parseLong(container.unitProperty(UNIT, "NRestarts"));
        container.ok("sh", "-c", "kill -9 " + crashed);
        Poll.require(RESTARTED, "systemd restarts the killed hub", () -> {
            String main = property("MainPID");
            return !main.equals("0") && !main.equals(crashed) && "active".equals(property("ActiveState"))
                    && answers(HUB + "/health");
        });
        assertEquals(restarts + 1, Long.parseLong(container.unitProperty(UNIT, "NRestarts")));
        String unitLog = container.ok("journalctl", "-u", UNIT, "--no-pager").stdout();
        assertTrue(signalMarks().contains("TERM " + orphan),
                "the crashed hub's module got SIGTERM: " + signalMarks() + "\n" + unitLog);
        assertFalse(unitLog.contains("Killing process " + orphan + " (python3) with signal SIGKILL"), unitLog);
        assertFalse(unitLog.contains("A restricted method"), "every JVM of the unit may load sqlite's native code:\n" + unitLog);
        Poll.require(UP, "the new hub boots the module again", () -> answers(MODULE + "/health"));
        assertNotEquals(orphan, modulePid());

        // logs hub: journald's lines for the unit (a unit's hub never writes hub/logs/hub.log)
        BootedContainer.Result logs = container.ok(CLI, "logs", "hub", "-n", "300");
        assertTrue(logs.stdout().contains("Main process exited, code=killed, status=9/KILL"), logs.all());
        assertTrue(logs.stdout().contains("parachute hub: listening on " + HUB), logs.all());
        assertFalse(container.exec("test", "-e", "/root/.parachute/hub/logs/hub.log").code() == 0);

        // reboot: the enabled unit starts the hub at boot, and the hub boots its module
        long rebooting = System.nanoTime();
        assertTrue(container.powerOff(), "an orderly poweroff with the hub running");
        container = boot();
        Poll.require(UP, "the hub unit started at boot",
                () -> "active".equals(property("ActiveState")) && answers(HUB + "/health"));
        Poll.require(UP, "the hub boots its module after the reboot", () -> answers(MODULE + "/health"));
        System.out.printf("[booted-systemd] rebooted, hub and module up in %.1f s%n", (System.nanoTime() - rebooting) / 1e9);

        // stop: the unit is inactive, the module stopped by the hub (SIGTERM); a daemon that escaped the hub's proof
        // is still in the unit's cgroup, and ExecStopPost's sweep ends it (KillMode=process: systemd itself would not)
        long last = modulePid();
        long escaped = json(get(MODULE + "/escape")).getJsonNumber("escaped").longValue();
        assertEquals(0, container.exec("test", "-e", "/proc/" + escaped).code(), "the escaped daemon runs");
        assertTrue(container.ok(CLI, "stop").stdout().contains("✓ hub stopped"));
        assertEquals("inactive", container.unitProperty(UNIT, "ActiveState"));
        assertEquals("success", container.unitProperty(UNIT, "Result"));
        assertFalse(answers(MODULE + "/health"));
        assertTrue(signalMarks().contains("TERM " + last), signalMarks());
        assertEquals(List.of(), moduleProcesses(), "no module process outlives the stopped unit");
        assertFalse(container.exec("test", "-e", "/proc/" + escaped).code() == 0, "the escaped daemon outlived the unit");
        String swept = container.ok("journalctl", "-u", UNIT, "--no-pager").stdout();
        assertTrue(swept.contains("stopped pid " + escaped + " (/usr/bin/sleep 600), left in the hub unit's cgroup"),
                "swept by ExecStopPost:\n" + swept);

        // the crash-loop ceiling: a hub that cannot bind its port crashes until StartLimitBurst stops systemd
        // (RestartSec shortened by a drop-in, so five crashes take seconds, not half a minute); `start hub` names the
        // cause while it lasts and, once it is gone, clears the tripped ceiling by itself
        container.ok("sh", "-c", "mkdir -p /etc/systemd/system/" + UNIT + ".d && printf '[Service]\\nRestartSec=200ms\\n' > "
                + "/etc/systemd/system/" + UNIT + ".d/it-fast-restart.conf && systemctl daemon-reload");
        container.ok("systemd-run", "--unit=squatter", "--property=Type=exec", "python3", "-c",
                "import socket, time; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); "
                        + "s.bind(('127.0.0.1', 1939)); s.listen(); time.sleep(600)");
        Poll.require(UP, "the squatter holds the hub's port", () -> answersTcp(1939));
        container.ok("systemctl", "start", "--no-block", UNIT);
        // systemd 252 keeps Result=exit-code when it refuses an automatic restart; its log says why
        Poll.require(RESTARTED, "StartLimitBurst stops the crash loop", () -> "failed".equals(property("ActiveState"))
                && unitLog().contains("Start request repeated too quickly"));
        BootedContainer.Result blocked = container.exec(CLI, "start", "hub");
        assertEquals(1, blocked.code(), blocked.all());
        assertTrue(blocked.all().contains("hub port 1939 is already in use"), "the cause, from the unit's log: " + blocked.all());
        container.ok("systemctl", "stop", "squatter");
        container.ok("systemctl", "stop", UNIT); // its own crash loop, restarted by the failed start
        Poll.require(UP, "the unit is down", () -> !"active".equals(property("ActiveState")));
        BootedContainer.Result cleared = container.exec(CLI, "start", "hub");
        assertEquals(0, cleared.code(), "start hub clears a tripped ceiling: " + cleared.all());
        assertTrue(answers(HUB + "/health"));
        container.ok("sh", "-c", "rm -r /etc/systemd/system/" + UNIT + ".d && systemctl daemon-reload");
        assertTrue(container.ok(CLI, "stop").stdout().contains("✓ hub stopped"));

        BootedContainer.Result uninstall = container.ok(CLI, "hub", "uninstall");
        assertTrue(uninstall.stdout().contains("Removed systemd system unit " + UNIT), uninstall.all());
        assertFalse(container.exec("test", "-e", UNIT_FILE).code() == 0);
        System.out.printf("[booted-systemd] scenario done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** A boot of the cached tree with this test's upper layer: the second call is a reboot of the same machine. */
    private BootedContainer boot() throws IOException, InterruptedException {
        return BootedContainer.boot(rootfs, temp.resolve("upper"), binds, BootedContainer.environment(Map.of(
                "JAVA_HOME", javaHome().toString(), "NO_COLOR", "1")), workDir());
    }

    private Map<Path, String> binds() throws IOException {
        Map<Path, String> binds = new LinkedHashMap<>();
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            binds.put(jvms, jvms.toString()); // the hub's JDK is chosen from here, as on the host
        }
        if (!javaHome().startsWith(jvms)) {
            binds.put(javaHome(), javaHome().toString());
        }
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            // Debian's JDKs link their conf/ and security files into /etc/java-N-openjdk
            etc.filter(p -> p.getFileName().toString().startsWith("java-") && Files.isDirectory(p))
                    .forEach(p -> binds.put(p, p.toString()));
        }
        Path cliDir = cliJar().getParent();
        bindIfPresent(binds, cliJar(), "parachute.jar");
        bindIfPresent(binds, cliDir.resolve("parachute"), "parachute");
        bindIfPresent(binds, cliDir.resolve("parachute.jsa"), "parachute.jsa");
        Path launcherDir = launcherJar().getParent();
        bindIfPresent(binds, launcherJar(), "launcher.jar");
        bindIfPresent(binds, launcherDir.resolve("launcher.jsa"), "launcher.jsa");
        bindIfPresent(binds, launcherDir.resolve("launcher.aot"), "launcher.aot");
        Path module = Files.createDirectories(temp.resolve("hello/.parachute")).getParent();
        Files.writeString(module.resolve("server.py"), SERVER);
        Files.writeString(module.resolve(".parachute/module.json"), Json.createObjectBuilder().add("name", "hello")
                .add("port", MODULE_PORT).add("paths", Json.createArrayBuilder().add("/hello")).add("health", "/health")
                .add("startCmd", Json.createArrayBuilder().add("python3").add("server.py")).build().toString());
        binds.put(module, "/srv/hello");
        return binds;
    }

    private static void bindIfPresent(Map<Path, String> binds, Path file, String name) {
        if (Files.isRegularFile(file)) {
            binds.put(file.toAbsolutePath().normalize(), "/opt/parachute/" + name);
        }
    }

    /** GET from inside the container (its loopback is not the host's); false on any error or non-2xx. */
    private boolean answers(String url) {
        try {
            return container.exec(Duration.ofSeconds(15), "python3", "-c",
                    "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5).read()", url).code() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String unitLog() {
        try {
            return container.exec("journalctl", "-u", UNIT, "--no-pager").stdout();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Something accepts TCP on the container's loopback port. */
    private boolean answersTcp(int port) {
        try {
            return container.exec(Duration.ofSeconds(15), "python3", "-c",
                    "import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)",
                    Integer.toString(port)).code() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The module's pid as it reports it on /health (a pid inside the container). */
    private long modulePid() throws IOException, InterruptedException {
        return json(get(MODULE + "/health")).getJsonNumber("pid").longValue();
    }

    private String get(String url) throws IOException, InterruptedException {
        return container.ok("python3", "-c",
                "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())",
                url).stdout();
    }

    private JsonObject status() throws IOException, InterruptedException {
        return json(container.ok(CLI, "status", "--json").stdout());
    }

    private String signalMarks() throws IOException, InterruptedException {
        BootedContainer.Result marks = container.exec("cat", SIGNAL_MARKS);
        return marks.code() == 0 ? marks.stdout() : "";
    }

    private String property(String name) {
        try {
            return container.unitProperty(UNIT, name);
        } catch (IOException | AssertionError e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Processes in the container (seen from the host) running the module's script. */
    private List<String> moduleProcesses() {
        return ProcessHandle.of(container.leaderPid()).map(ProcessHandle::descendants).orElse(Stream.empty())
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains("server.py")).toList();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Path workDir() {
        return Path.of("target", "booted-systemd").toAbsolutePath();
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath();
    }

    static Path cliJar() {
        return Path.of(System.getProperty("cli.jar", "target/parachute.jar")).toAbsolutePath().normalize();
    }

    static Path launcherJar() {
        return Path.of(System.getProperty("launcher.jar", "../launcher/target/launcher.jar")).toAbsolutePath().normalize();
    }

    private static boolean onPath(String tool) {
        return DebianRootfs.tool(tool) != null;
    }
}
