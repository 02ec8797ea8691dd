package computer.parachute.hub.launcher;

import computer.parachute.hub.core.unit.HubJava;
import computer.parachute.hub.core.unit.HubJavaFinder;
import computer.parachute.hub.core.unit.HubJvmFlags;

import computer.parachute.hub.core.json.JsonFiles;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes launcher.jsa, the hub's AppCDS archive, at package time ({@code launcher/pom.xml}): runs
 * {@code java <HubJvmFlags> -XX:ArchiveClassesAtExit=<archive> -jar launcher.jar} once against a fresh temporary
 * PARACHUTE_HOME, makes the requests that load the serving path (health, the module list with the minted operator
 * token, the module-ops path, an unknown path, a missing token), restarts and crashes a live module
 * ({@link TrainingModule}: the first restart of a hub's life is otherwise all cold code, issue 10), and stops it with
 * SIGTERM so the JVM writes the archive on exit (stopping the module first, as a hub's stop does). Every
 * class the hub loads comes from the application class loader (the WAR's classes are on launcher.jar's class path),
 * so the archive covers Jetty, Jersey, HK2 and the hub alike. Run by hand after moving the jar:
 * {@code java -cp launcher.jar computer.parachute.hub.launcher.CdsTraining launcher.jar launcher.jsa}.
 * <p>
 * An output ending in {@value #AOT_SUFFIX} is a Java 25 AOT cache instead: the same run on the JDK 25+ that
 * {@link HubJavaFinder} picks for the hub (so the cache matches the JVM the hub will run on), with
 * {@code -XX:AOTCacheOutput}; the JVM assembles the cache in a child process after the hub exits. Without a JDK 25+
 * this prints why and exits 0: the build goes on, and the hub runs on 17 with the archive.
 */
public final class CdsTraining {
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int HTTP_TIMEOUT_MS = 5_000;
    private static final String HUB_LOG = "hub.log";
    private static final String NO_ARCHIVE = "-";
    static final String AOT_SUFFIX = ".aot";
    /** Assembling an AOT cache after the hub exits takes seconds, more on a loaded build machine. */
    private static final Duration AOT_STOP_DEADLINE = Duration.ofSeconds(180);
    private static final String TRAINING_MODULE = "cds-training";
    /** A live module ({@link TrainingModule}): restart, crash → respawn and the stop at exit run as in use. */
    private static final String LIVE_MODULE = "cds-live";
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

    private CdsTraining() {}

    /**
     * {@code CdsTraining <launcher.jar> <archive.jsa|-> [command ...]}: exit 0 when the archive was written ({@code -}:
     * no archive, the hub only serves the command). A command runs while the hub is up, with PARACHUTE_HOME and
     * PARACHUTE_HUB_PORT pointing at it: the CLI build uses this to record the classes {@code parachute status}
     * loads against a live hub (cli/pom.xml).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CdsTraining <launcher.jar> <archive.jsa|-> [command ...]");
            System.exit(2);
        }
        Path archive = NO_ARCHIVE.equals(args[1]) ? null : Path.of(args[1]).toAbsolutePath();
        if (archive != null) {
            Files.deleteIfExists(archive);
        }
        List<String> command = List.of(args).subList(2, args.length);
        HubJava java = trainingJava(archive);
        if (java == null) {
            System.err.println("CdsTraining: no JDK " + HubJava.AOT_CACHE_FEATURE + "+ found (PARACHUTE_JAVA, JAVA_HOME, "
                    + HubJavaFinder.JDK_DIRECTORIES + "); no " + archive.getFileName() + ", the hub runs with its AppCDS archive");
            return;
        }
        Path home = Files.createTempDirectory("parachute-cds-");
        boolean trained = false;
        try {
            trained = train(java, Path.of(args[0]).toAbsolutePath(), archive, home, command);
        } finally {
            if (!trained && Files.isRegularFile(home.resolve(HUB_LOG))) {
                System.err.println(Files.readString(home.resolve(HUB_LOG)));
            }
            EmbeddedWar.TreeDeletion.delete(home);
        }
        if (archive != null && !Files.isRegularFile(archive)) {
            System.err.println("CdsTraining: the JVM wrote no " + archive + " (its output is above)");
            System.exit(1);
        }
        System.err.println("CdsTraining: done" + (archive == null ? "" : ", wrote " + archive + " ("
                + Files.size(archive) / 1024 + " KiB)"));
    }

    /** This JVM for an AppCDS archive; for an AOT cache the JDK 25+ the hub would pick, or null when there is none. */
    private static HubJava trainingJava(Path archive) {
        if (archive == null || !archive.toString().endsWith(AOT_SUFFIX)) {
            return new HubJava(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature(),
                    "the build's JVM", true);
        }
        try {
            HubJava java = HubJavaFinder.of(System.getenv()).find();
            return java.usesAotCache() ? java : null;
        } catch (IllegalArgumentException e) {
            System.err.println("CdsTraining: " + e.getMessage());
            return null;
        }
    }

    private static boolean train(HubJava java, Path jar, Path archive, Path home, List<String> command)
            throws IOException, InterruptedException {
        boolean aot = java.usesAotCache();
        int port = freePort();
        Path parachuteHome = Files.createDirectories(home.resolve("home"));
        // one row without a start command (the boot's skip path, a status table row) and one live module
        int modulePort = freePort();
        Path moduleDir = home.resolve(LIVE_MODULE);
        Files.createDirectories(moduleDir.resolve(".parachute"));
        Files.writeString(moduleDir.resolve(".parachute").resolve("module.json"), JsonFiles.pretty(
                row(LIVE_MODULE, modulePort).add("startCmd", Json.createArrayBuilder().add(java.bin().toString())
                        .add("-XX:TieredStopAtLevel=1").add("-XX:+UseSerialGC").add("-cp").add(jar.toString())
                        .add(TrainingModule.class.getName())).build()));
        Files.writeString(parachuteHome.resolve("services.json"), JsonFiles.pretty(Json.createObjectBuilder()
                .add("services", Json.createArrayBuilder().add(row(TRAINING_MODULE, 1))
                        .add(row(LIVE_MODULE, modulePort).add("installDir", moduleDir.toString()))).build()));
        List<String> argv = new ArrayList<>();
        argv.add(java.bin().toString());
        argv.addAll(HubJvmFlags.recommended());
        // trained C1 only: a Java 25 cache trained with C2 on carries method profiles that make the hub C2-compile its
        // start-up paths at once. bench/startup_ab.py, 9 runs interleaved, both caches run with C2, vs main (C1): CPU
        // to the first API answer x1.48 and RSS 1 s later x1.35 with a C2-trained cache, x1.05 and x1.02 C1-trained
        argv.add(HubJvmFlags.TIERED_STOP_AT_LEVEL_1);
        if (archive != null) {
            argv.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
        }
        argv.add("-jar");
        argv.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(home.resolve(HUB_LOG).toFile());
        builder.environment().put("PARACHUTE_HOME", parachuteHome.toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("PARACHUTE_BIND_HOST", "127.0.0.1");
        Process hub = builder.start();
        try {
            awaitHealthy(hub, port);
            String token = Files.readString(parachuteHome.resolve("operator.token")).trim();
            request("GET", port, "/api/modules", token);
            request("GET", port, "/api/modules/" + TRAINING_MODULE, token);
            request("POST", port, "/api/modules/" + TRAINING_MODULE + "/restart", token); // module-ops path: 422
            request("GET", port, "/no-such-path", null);
            request("GET", port, "/api/modules", null);
            try {
                trainLiveModule(hub, port, modulePort, token);
            } catch (IOException e) {
                if (!hub.isAlive()) {
                    throw e;
                }
                // a slow build machine: the cache is still written, without the live module's paths
                System.err.println("CdsTraining: the live module's restart and crash were not trained: " + e.getMessage());
            }
            if (!command.isEmpty()) {
                runCommand(command, parachuteHome, port);
            }
            hub.destroy(); // SIGTERM: the graceful stop, after which the JVM dumps the archive
            Duration stop = aot ? AOT_STOP_DEADLINE : STOP_DEADLINE;
            if (!hub.waitFor(stop.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("the training hub did not stop within " + stop.toSeconds() + " s");
            }
            return true;
        } finally {
            if (hub.isAlive()) {
                hub.destroyForcibly();
                hub.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** A restart (answered once the new process listens), then a crash and its respawn; the hub's exit stops it. */
    private static void trainLiveModule(Process hub, int port, int modulePort, String token)
            throws IOException, InterruptedException {
        String path = "/api/modules/" + LIVE_MODULE;
        long booted = awaitLivePid(hub, port, path, token, -1, modulePort);
        request("POST", port, path + "/restart", token);
        long restarted = awaitLivePid(hub, port, path, token, booted, modulePort);
        request("GET", modulePort, TrainingModule.CRASH_PATH, null);
        awaitLivePid(hub, port, path, token, restarted, modulePort);
    }

    /** The live module's pid once it is other than {@code previous} and its port answers; bounded. */
    private static long awaitLivePid(Process hub, int port, String path, String token, long previous, int modulePort)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!hub.isAlive()) {
                throw new IOException("the training hub exited with " + hub.exitValue());
            }
            Matcher pid = PID.matcher(get(port, path, token));
            if (pid.find() && Long.parseLong(pid.group(1)) != previous && listening(modulePort)) {
                return Long.parseLong(pid.group(1));
            }
            hub.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new IOException("the training module did not run (again) within " + START_DEADLINE.toSeconds() + " s");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonObjectBuilder row(String name, int port) {
        return Json.createObjectBuilder().add("name", name).add("port", port)
                .add("paths", Json.createArrayBuilder().add("/" + name)).add("health", "/health").add("version", "0.0.0");
    }

    private static void runCommand(List<String> command, Path parachuteHome, int port)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PARACHUTE_HOME", parachuteHome.toString());
        builder.environment().put("PARACHUTE_HUB_PORT", Integer.toString(port));
        Process process = builder.start();
        if (!process.waitFor(START_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within " + START_DEADLINE.toSeconds() + " s");
        }
    }

    private static void awaitHealthy(Process hub, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!hub.isAlive()) {
                throw new IOException("the training hub exited with " + hub.exitValue());
            }
            try {
                if (request("GET", port, "/health", null) == HttpURLConnection.HTTP_OK) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            hub.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new IOException("the training hub did not answer /health within " + START_DEADLINE.toSeconds() + " s");
    }

    private static int request(String method, int port, String path, String token) throws IOException {
        return exchange(method, port, path, token).status();
    }

    /** The body of a GET, whatever its status. */
    private static String get(int port, String path, String token) throws IOException {
        return exchange("GET", port, path, token).body();
    }

    private record Answer(int status, String body) {}

    private static Answer exchange(String method, int port, String path, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        connection.setConnectTimeout(HTTP_TIMEOUT_MS);
        connection.setReadTimeout(HTTP_TIMEOUT_MS);
        connection.setRequestMethod(method);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        try {
            int status = connection.getResponseCode();
            var body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            return new Answer(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
