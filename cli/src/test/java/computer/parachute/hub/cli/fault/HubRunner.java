package computer.parachute.hub.cli.fault;

import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code launcher.jar} as a child process on one PARACHUTE_HOME and port. Each start is a new hub
 * generation with its own log file; a kill is {@code kill -9} of its pid; every pid is tracked by the reaper.
 */
final class HubRunner {
    static final Duration HEALTHY_DEADLINE = Duration.ofSeconds(40);
    /** Boot = reaping orphans (≤ 0.5 s grace + kill) and starting eleven modules concurrently (≤ 4 s readiness). */
    static final Duration BOOT_DEADLINE = Duration.ofSeconds(40);
    static final Duration EXIT_DEADLINE = Duration.ofSeconds(20);

    private final Path home;
    private final Path logDir;
    private final int port;
    private final HubApi api;
    private final ProcessReaper reaper;
    private Process process;
    private int generation;

    HubRunner(Path home, Path logDir, int port, HubApi api, ProcessReaper reaper) {
        this.home = home;
        this.logDir = logDir;
        this.port = port;
        this.api = api;
        this.reaper = reaper;
    }

    /** Starts the next generation and waits until /health answers and boot is over (/api/ready booting=false). */
    void startAndAwaitBoot() throws IOException {
        generation++;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", launcherJar().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(logDir).resolve(logName(generation)).toFile());
        builder.environment().put("PARACHUTE_HOME", home.toString());
        builder.environment().put("PORT", Integer.toString(port));
        process = reaper.track(builder.start());
        Poll.require(HEALTHY_DEADLINE, "hub generation " + generation + " /health", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("hub generation " + generation + " exited " + process.exitValue()
                        + ": " + log(generation));
            }
            return api.get("/health").status() == 200;
        });
        Poll.require(BOOT_DEADLINE, "hub generation " + generation + " boot", () -> {
            JsonObject ready = api.get("/api/ready").json();
            return ready != null && !ready.getBoolean("booting", true);
        });
    }

    /** {@code kill -9} of the hub (its modules live on in their own sessions) and a bounded wait for its exit. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("hub pid " + process.pid() + " survived SIGKILL");
        }
    }

    /** SIGTERM (the hub stops its modules, then itself); SIGKILL after the deadline. Returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(EXIT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return -1;
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    int generation() {
        return generation;
    }

    String log(int ofGeneration) {
        try {
            return Files.readString(logDir.resolve(logName(ofGeneration)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The current generation's last {@code count} log lines about {@code shortName}, for a violation's message. */
    String logLines(String shortName, int count) {
        List<String> lines = log(generation).lines()
                .filter(line -> line.contains("[" + shortName + "]") || line.contains(shortName + ":")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static String logName(int generation) {
        return "hub-" + generation + ".log";
    }

    static Path launcherJar() {
        String jar = System.getProperty("launcher.jar");
        if (jar == null) {
            throw new IllegalStateException("run through failsafe (mvn verify): system property launcher.jar is unset");
        }
        return Path.of(jar);
    }
}
