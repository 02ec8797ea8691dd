package computer.parachute.hub.cli.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/** Runs the real parachute.jar as a subprocess against one PARACHUTE_HOME and hub port, for the end-to-end ITs. */
final class CliProcess {
    /** A hub start waits up to 15 s for /health; the rest is JVM start-up on a busy 2-core box. */
    static final long RUN_TIMEOUT_SECONDS = 60;

    record Result(int code, String stdout, String stderr) {
        /** A bare HTTP 401 in the output: 401 standing alone or its reason phrase (not port 40197, not 401ms). */
        private static final Pattern RAW_401 = Pattern.compile("(?<![0-9A-Za-z])401(?![0-9A-Za-z])|unauthorized",
                Pattern.CASE_INSENSITIVE);

        String all() {
            return stdout + stderr;
        }

        boolean showsARaw401() {
            return RAW_401.matcher(all()).find();
        }
    }

    final Path home;
    final int hubPort;
    final Map<String, String> env = new HashMap<>();
    /** When set, each run starts under this umask (set by {@code sh}, so the CLI and what it spawns inherit it). */
    String umask;

    CliProcess(Path home, int hubPort) {
        this.home = home;
        this.hubPort = hubPort;
        env.put("PARACHUTE_HOME", home.toString());
        env.put("PARACHUTE_HUB_PORT", Integer.toString(hubPort));
        env.put("PARACHUTE_LAUNCHER_JAR", launcherJar().toString());
        env.put("NO_COLOR", "1");
    }

    static Path cliJar() {
        return Path.of(System.getProperty("cli.jar", "target/parachute.jar"));
    }

    static Path launcherJar() {
        return Path.of(System.getProperty("launcher.jar", "../launcher/target/launcher.jar"));
    }

    /** The launcher can run the hub: the jar names a Main-Class and contains it (false while it is a skeleton). */
    static boolean launcherRunnable() {
        Path jar = launcherJar();
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            String main = file.getManifest() == null ? null : file.getManifest().getMainAttributes().getValue("Main-Class");
            return main != null && file.getEntry(main.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", cliJar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("parachute " + String.join(" ", args) + " did not finish within " + RUN_TIMEOUT_SECONDS + "s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * A CLI over {@code root/home} whose hub {@code parachute start hub} brought up (detached), for a test class that
     * shares one hub; {@link #killRecordedHub} ends it.
     */
    static CliProcess withRunningHub(Path root) throws IOException, InterruptedException {
        if (!launcherRunnable()) {
            throw new AssertionError("launcher.jar must be built and runnable (mvn verify builds it): " + launcherJar());
        }
        CliProcess cli = new CliProcess(root.resolve("home"), freePort());
        Result start = cli.run("start", "hub");
        if (start.code() != 0) {
            throw new AssertionError("parachute start hub exited " + start.code() + ": " + start.all());
        }
        return cli;
    }

    /** Kills whatever hub pid the pidfile names (test cleanup; by pid, never by name). */
    void killRecordedHub() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("hub/run/hub.pid"));
            ProcessHandle.of(Long.parseLong(lines.get(0).trim())).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
            });
        } catch (IOException | RuntimeException e) {
            // no pidfile: nothing of ours is running
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
