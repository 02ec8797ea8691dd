package computer.parachute.hub.launcher;

import computer.parachute.hub.core.unit.HubJvmFlags;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes launcher.jsa, the hub's AppCDS archive, at package time ({@code launcher/pom.xml}): runs
 * {@code java <HubJvmFlags> -XX:ArchiveClassesAtExit=<archive> -jar launcher.jar} once against a fresh temporary
 * PARACHUTE_HOME, makes the requests that load the serving path (health, the module list with the minted operator
 * token, an unknown path, a missing token), and stops it with SIGTERM so the JVM writes the archive on exit. Every
 * class the hub loads comes from the application class loader (the WAR's classes are on launcher.jar's class path),
 * so the archive covers Jetty, Jersey, HK2 and the hub alike. Run by hand after moving the jar:
 * {@code java -cp launcher.jar computer.parachute.hub.launcher.CdsTraining launcher.jar launcher.jsa}.
 */
public final class CdsTraining {
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int HTTP_TIMEOUT_MS = 5_000;
    private static final String HUB_LOG = "hub.log";

    private CdsTraining() {}

    /** {@code CdsTraining <launcher.jar> <archive.jsa>}; exit 0 when the archive was written. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: CdsTraining <launcher.jar> <archive.jsa>");
            System.exit(2);
        }
        Path archive = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(archive);
        Path home = Files.createTempDirectory("parachute-cds-");
        try {
            train(Path.of(args[0]).toAbsolutePath(), archive, home);
        } finally {
            if (!Files.isRegularFile(archive) && Files.isRegularFile(home.resolve(HUB_LOG))) {
                System.err.println(Files.readString(home.resolve(HUB_LOG)));
            }
            EmbeddedWar.TreeDeletion.delete(home);
        }
        if (!Files.isRegularFile(archive)) {
            System.err.println("CdsTraining: the JVM wrote no " + archive + " (its output is above)");
            System.exit(1);
        }
        System.err.println("CdsTraining: wrote " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
    }

    private static void train(Path jar, Path archive, Path home) throws IOException, InterruptedException {
        int port = freePort();
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(HubJvmFlags.recommended());
        argv.add("-XX:ArchiveClassesAtExit=" + archive);
        argv.add("-jar");
        argv.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(home.resolve(HUB_LOG).toFile());
        builder.environment().put("PARACHUTE_HOME", home.resolve("home").toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("PARACHUTE_BIND_HOST", "127.0.0.1");
        Process hub = builder.start();
        try {
            awaitHealthy(hub, port);
            String token = Files.readString(home.resolve("home").resolve("operator.token")).trim();
            get(port, "/api/modules", token);
            get(port, "/api/modules/cds-training", token);
            get(port, "/no-such-path", null);
            get(port, "/api/modules", null);
            hub.destroy(); // SIGTERM: the graceful stop, after which the JVM dumps the archive
            if (!hub.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("the training hub did not stop within " + STOP_DEADLINE.toSeconds() + " s");
            }
        } finally {
            if (hub.isAlive()) {
                hub.destroyForcibly();
                hub.waitFor(STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitHealthy(Process hub, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!hub.isAlive()) {
                throw new IOException("the training hub exited with " + hub.exitValue());
            }
            try {
                if (get(port, "/health", null) == HttpURLConnection.HTTP_OK) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            hub.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        throw new IOException("the training hub did not answer /health within " + START_DEADLINE.toSeconds() + " s");
    }

    private static int get(int port, String path, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        connection.setConnectTimeout(HTTP_TIMEOUT_MS);
        connection.setReadTimeout(HTTP_TIMEOUT_MS);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        try {
            int status = connection.getResponseCode();
            var body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            if (body != null) {
                new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            return status;
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
