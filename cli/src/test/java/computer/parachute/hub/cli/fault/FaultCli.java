package computer.parachute.hub.cli.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code parachute.jar} as a subprocess against the suite's home and hub port. */
final class FaultCli {
    /** A verb on a stubborn module waits out the hub's 5 s stop grace; the rest is JVM start on a busy box. */
    static final long RUN_TIMEOUT_SECONDS = 60;

    record Result(int code, String stdout, String stderr) {}

    private final Path home;
    private final Path scratch;
    private final int hubPort;

    FaultCli(Path home, Path scratch, int hubPort) {
        this.home = home;
        this.scratch = scratch;
        this.hubPort = hubPort;
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", cliJar().toString()));
        command.addAll(List.of(args));
        Files.createDirectories(scratch);
        Path out = scratch.resolve("cli.out");
        Path err = scratch.resolve("cli.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PARACHUTE_HOME", home.toString());
        builder.environment().put("PARACHUTE_HUB_PORT", Integer.toString(hubPort));
        builder.environment().put("PARACHUTE_LAUNCHER_JAR", HubRunner.launcherJar().toString());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Result(-1, "", "parachute " + String.join(" ", args) + " did not finish in " + RUN_TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Path cliJar() {
        return Path.of(System.getProperty("cli.jar", "target/parachute.jar"));
    }
}
