package computer.parachute.hub.launcher;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code java -jar launcher.jar} as a real child process with its own PARACHUTE_HOME; output goes to files. */
final class HubProcess implements AutoCloseable {
    static final Duration START_DEADLINE = Duration.ofSeconds(30);
    static final Duration EXIT_DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    final Process process;
    final Path home;
    final int port;
    private final Path stdout;
    private final Path stderr;

    private HubProcess(Process process, Path home, int port, Path stdout, Path stderr) {
        this.process = process;
        this.home = home;
        this.port = port;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static HubProcess start(Path home, String portValue, int port, Map<String, String> extraEnv) throws IOException {
        return start(home, portValue, port, extraEnv, null);
    }

    /** As {@link #start(Path, String, int, Map)}, with the process umask set by {@code sh} first (null: inherited). */
    static HubProcess start(Path home, String portValue, int port, Map<String, String> extraEnv, String umask)
            throws IOException {
        return start(home, portValue, port, extraEnv, umask, List.of());
    }

    /** As above, plus extra JVM options (e.g. a small -Xmx that proves the hub never buffers a whole body). */
    static HubProcess start(Path home, String portValue, int port, Map<String, String> extraEnv, String umask,
                            List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", launcherJar().toString()));
        Path logs = Files.createDirectories(home.resolveSibling(home.getFileName() + "-logs"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("stdout.txt").toFile())
                .redirectError(logs.resolve("stderr.txt").toFile());
        builder.environment().put("PARACHUTE_HOME", home.toString());
        builder.environment().put("PORT", portValue);
        builder.environment().putAll(extraEnv);
        return new HubProcess(builder.start(), home, port, logs.resolve("stdout.txt"), logs.resolve("stderr.txt"));
    }

    static Path launcherJar() {
        String jar = System.getProperty("launcher.jar");
        if (jar == null) {
            throw new IllegalStateException("run through failsafe (mvn verify): system property launcher.jar is unset");
        }
        return Path.of(jar);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls /health until a 200 (bounded); fails with the child's output if it never comes or the child dies. */
    void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("hub exited " + process.exitValue() + " before serving: " + output());
            }
            if (healthStatus() == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("hub not healthy within " + START_DEADLINE + ": " + output());
    }

    private int healthStatus() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health")
                    .toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits (bounded) for the child to exit and returns its exit code. */
    int awaitExit() throws Exception {
        if (!process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("hub did not exit within " + EXIT_DEADLINE + ": " + output());
        }
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    String output() throws IOException {
        return "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    /** Kills the child by its pid if it is still running: every test ends here, in a finally. */
    @Override
    /**
     * SIGTERM first, so the hub stops its modules; SIGKILL after the deadline. Modules run in their own sessions, so
     * a SIGKILLed hub would orphan them: its descendants are captured before the signal and any still alive after it
     * are killed by handle (pid + start time, never a reused pid).
     */
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> family = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
        for (ProcessHandle member : family) {
            if (member.isAlive()) {
                member.destroyForcibly();
                member.onExit().completeOnTimeout(member, EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS).join();
            }
        }
    }
}
