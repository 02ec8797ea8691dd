package computer.parachute.hub.cli.booted;

import computer.parachute.hub.core.unit.Platform;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the booted-systemd ITs share: the cached tree (or a skip where nspawn cannot run at all), the binds (host JDK,
 * built jars, the Python module), boots on one upper layer, and probes run inside the container (its loopback is
 * not the host's). One per test; {@link #close} saves the journal and powers the container off.
 */
final class BootedHub implements AutoCloseable {
    static final String UNIT = "parachute-hub.service";
    static final String CLI = "/opt/parachute/parachute";
    static final String HUB = "http://127.0.0.1:1939";
    static final int MODULE_PORT = 8080;
    static final String MODULE = "http://127.0.0.1:" + MODULE_PORT;
    /** Where the module writes one line per SIGTERM it gets (a file: after a hub crash its stdout pipe is gone). */
    static final String SIGNAL_MARKS = "/tmp/hello-signals";
    static final Duration UP = Duration.ofSeconds(30);
    /** RestartSec=5, the reaper's grace (at most 5 s), a hub start: well inside this. */
    static final Duration RESTARTED = Duration.ofSeconds(45);
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

    private final Path rootfs;
    private final Path upper;
    private final Path workDir;
    private final Map<Path, String> binds;
    private BootedContainer container;

    private BootedHub(Path rootfs, Path temp, Path workDir) throws IOException {
        this.rootfs = rootfs;
        this.upper = temp.resolve("upper");
        this.workDir = workDir;
        this.binds = binds(temp);
    }

    /**
     * The cached tree, built when missing; skips (JUnit assumption) only where nspawn cannot run at all. For a
     * {@code @BeforeAll}: {@code workDir} (under target/) gets debootstrap's log.
     */
    static Path rootfs(Path workDir) throws IOException, InterruptedException {
        assumeTrue(Platform.current().isLinux() && Platform.current().isRoot(),
                "booting systemd in a container needs root on Linux");
        assumeTrue(DebianRootfs.tool("systemd-nspawn") != null && DebianRootfs.tool("nsenter") != null,
                "no systemd-nspawn/nsenter on PATH (apt-get install systemd-container util-linux)");
        assumeTrue(Files.isDirectory(DebianRootfs.cached()) || DebianRootfs.tool("debootstrap") != null,
                "no cached rootfs at " + DebianRootfs.cached() + " and no debootstrap to make one (apt-get install debootstrap)");
        assertTrue(Files.isRegularFile(cliJar()) && Files.isRegularFile(launcherJar()),
                "build the jars first (mvn verify does): " + cliJar() + ", " + launcherJar());
        Files.createDirectories(workDir);
        long started = System.nanoTime();
        boolean cached = Files.isDirectory(DebianRootfs.cached());
        Path tree = DebianRootfs.ensure(workDir.resolve("debootstrap.log"));
        System.out.printf("[booted-systemd] rootfs %s: %s (%.1f s)%n", cached ? "cached" : "built", tree,
                (System.nanoTime() - started) / 1e9);
        return tree;
    }

    /** Boots {@code rootfs} with its writes in {@code temp/upper}; the module's files are staged under {@code temp}. */
    static BootedHub boot(Path rootfs, Path temp, Path workDir) throws IOException, InterruptedException {
        try (Stream<Path> old = Files.list(workDir)) {
            for (Path file : old.filter(p -> p.getFileName().toString().startsWith("cmd-")
                    || p.getFileName().toString().equals("console.log")).toList()) {
                Files.delete(file);
            }
        }
        BootedHub hub = new BootedHub(rootfs, temp, workDir);
        long started = System.nanoTime();
        hub.container = hub.bootOnce();
        System.out.printf("[booted-systemd] booted in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return hub;
    }

    BootedContainer container() {
        return container;
    }

    /** Poweroff, then a boot on the same upper layer: the same machine, rebooted. True when the poweroff was orderly. */
    boolean reboot() throws IOException, InterruptedException {
        boolean orderly = container.powerOff();
        container = bootOnce();
        return orderly;
    }

    private BootedContainer bootOnce() throws IOException, InterruptedException {
        return BootedContainer.boot(rootfs, upper, binds, BootedContainer.environment(Map.of(
                "JAVA_HOME", javaHome().toString(), "NO_COLOR", "1")), workDir);
    }

    @Override
    public void close() {
        container.saveJournal();
        container.close();
    }

    private static Map<Path, String> binds(Path temp) throws IOException {
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
        Path launcherDir = launcherJar().getParent();
        for (Path file : List.of(cliJar(), cliDir.resolve("parachute"), cliDir.resolve("parachute.jsa"), launcherJar(),
                launcherDir.resolve("launcher.jsa"), launcherDir.resolve("launcher.aot"))) {
            if (Files.isRegularFile(file)) {
                binds.put(file, "/opt/parachute/" + file.getFileName());
            }
        }
        Path module = Files.createDirectories(temp.resolve("hello/.parachute")).getParent();
        Files.writeString(module.resolve("server.py"), SERVER);
        Files.writeString(module.resolve(".parachute/module.json"), Json.createObjectBuilder().add("name", "hello")
                .add("port", MODULE_PORT).add("paths", Json.createArrayBuilder().add("/hello")).add("health", "/health")
                .add("startCmd", Json.createArrayBuilder().add("python3").add("server.py")).build().toString());
        binds.put(module, "/srv/hello");
        return binds;
    }

    /** GET from inside the container; false on any error or non-2xx. */
    boolean answers(String url) {
        return quietly("import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5).read()", url);
    }

    /** Something accepts TCP on the container's loopback {@code port}. */
    boolean answersTcp(int port) {
        return quietly("import socket, sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)",
                Integer.toString(port));
    }

    private boolean quietly(String python, String arg) {
        try {
            return container.exec(Duration.ofSeconds(15), "python3", "-c", python, arg).code() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String get(String url) throws IOException, InterruptedException {
        return container.ok("python3", "-c",
                "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())",
                url).stdout();
    }

    /** The module's pid as it reports it on /health (a pid inside the container). */
    long modulePid() throws IOException, InterruptedException {
        return json(get(MODULE + "/health")).getJsonNumber("pid").longValue();
    }

    String signalMarks() throws IOException, InterruptedException {
        BootedContainer.Result marks = container.exec("cat", SIGNAL_MARKS);
        return marks.code() == 0 ? marks.stdout() : "";
    }

    /** Processes in the container (seen from the host) running the module's script. */
    List<String> moduleProcesses() {
        return ProcessHandle.of(container.leaderPid()).map(ProcessHandle::descendants).orElse(Stream.empty())
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains("server.py")).toList();
    }

    /** A probe run inside the container, for a bounded poll. */
    interface Probe {
        String read() throws IOException, InterruptedException;
    }

    /** The probe's answer, or "" when it failed (a poll tries again); an interrupt is kept for the poll to see. */
    static String orEmpty(Probe probe) {
        try {
            return probe.read();
        } catch (IOException | AssertionError e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath();
    }

    static Path cliJar() {
        return Path.of(System.getProperty("cli.jar", "target/parachute.jar")).toAbsolutePath().normalize();
    }

    static Path launcherJar() {
        return Path.of(System.getProperty("launcher.jar", "../launcher/target/launcher.jar")).toAbsolutePath().normalize();
    }
}
