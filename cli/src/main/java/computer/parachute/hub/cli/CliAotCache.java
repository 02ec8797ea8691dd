package computer.parachute.hub.cli;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.unit.HubJava;
import computer.parachute.hub.core.unit.HubJavaFinder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes parachute.aot, the CLI's Java 25 AOT cache, at package time (cli/pom.xml runs it while launcher's CdsTraining
 * holds a live hub, so {@code status} takes its real path: token, HTTP, the module list, the table).
 * <ul>
 *   <li>{@code CliAotCache <dir>} (on the build's JVM): finds the JDK 25+ the hub would run on ({@link HubJavaFinder}),
 *   runs the wrapper {@code <dir>/parachute} on it with {@code PARACHUTE_CLI_AOT_OUTPUT} (so the cache is recorded
 *   with the wrapper's own flags), and names that java in {@code parachute.aot.jvm}, where the wrapper looks for it.
 *   No JDK 25+: says so and exits 0 (the CLI runs on 17 with its AppCDS archive).</li>
 *   <li>{@code CliAotCache train} (inside that JVM): the workload recorded, {@code status} then {@code --help}
 *   in one process (a cache comes from one run), their output discarded.</li>
 * </ul>
 */
public final class CliAotCache {
    static final String CACHE = "parachute.aot";
    static final String CACHE_JVM = "parachute.aot.jvm";
    static final String OUTPUT_ENV = "PARACHUTE_CLI_AOT_OUTPUT";
    private static final long TRAINING_DEADLINE_SECONDS = 180; // assembling the cache takes seconds, more when loaded

    private CliAotCache() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 1 && "train".equals(args[0])) {
            train();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: CliAotCache <directory of parachute and parachute.jar> | train");
            System.exit(2);
        }
        build(Path.of(args[0]).toAbsolutePath());
    }

    private static void train() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        CliWiring wiring = new CliWiring(new Console(nowhere, nowhere, false), HubHome.fromEnvironment(),
                System.getenv());
        ParachuteCli.execute(new String[] {"status"}, wiring);
        ParachuteCli.execute(new String[] {"--help"}, wiring);
    }

    private static void build(Path dir) throws IOException, InterruptedException {
        Path cache = dir.resolve(CACHE);
        Path jvm = dir.resolve(CACHE_JVM);
        Files.deleteIfExists(cache);
        Files.deleteIfExists(jvm);
        HubJava java;
        try {
            java = HubJavaFinder.of(System.getenv()).find();
        } catch (IllegalArgumentException e) {
            System.err.println("CliAotCache: " + e.getMessage() + "; no " + CACHE);
            return;
        }
        if (!java.usesAotCache()) {
            System.err.println("CliAotCache: no JDK " + HubJava.AOT_CACHE_FEATURE + "+ found (" + java.describe()
                    + "); no " + CACHE + ", the CLI runs with its AppCDS archive");
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("sh", dir.resolve("parachute").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PARACHUTE_JAVA", java.bin().toString());
        builder.environment().put(OUTPUT_ENV, cache.toString());
        Process run = builder.start();
        if (!run.waitFor(TRAINING_DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            run.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(cache);
            System.err.println("CliAotCache: the training run did not finish within " + TRAINING_DEADLINE_SECONDS
                    + " s; no " + CACHE);
            return;
        }
        if (!Files.isRegularFile(cache)) {
            System.err.println("CliAotCache: " + java.bin() + " wrote no " + CACHE + " (exit " + run.exitValue() + ")");
            return;
        }
        Files.writeString(jvm, java.bin() + "\n", StandardCharsets.UTF_8);
        System.err.println("CliAotCache: wrote " + cache + " (" + Files.size(cache) / 1024 + " KiB) for "
                + java.describe());
    }
}
