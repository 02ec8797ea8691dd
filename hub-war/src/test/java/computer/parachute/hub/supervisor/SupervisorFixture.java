package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ToolPath;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.process.JdkProcessTable;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A supervisor over real seams (setsid launcher, handle signals, /proc tree, loopback probe, /proc owners, JDK process table, real
 * scheduler, real SQLite) in a temp PARACHUTE_HOME; launcher, signals, probe and output record what they see.
 * Closing it shuts the supervisor down and kills, by pid, anything still alive.
 */
final class SupervisorFixture implements AutoCloseable {
    /** Short windows so the unbound/late-bind paths run in a test's time; production numbers are in defaults(). */
    static final SupervisorSettings FAST = SupervisorSettings.defaults()
            .withReadiness(Duration.ofSeconds(4), Duration.ofMillis(200), Duration.ofSeconds(10))
            .withCrashPolicy(3, Duration.ofSeconds(60), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
            .withStopGrace(Duration.ofSeconds(5));

    final Path root;
    final HubHome home;
    final ProcessReaper reaper = new ProcessReaper();
    final RecordingLauncher launcher = new RecordingLauncher(reaper);
    final RecordingSignals signals = new RecordingSignals();
    final CountingProbe probe = new CountingProbe();
    final CapturingOutput output = new CapturingOutput();
    final OffsetClock clock = new OffsetClock();
    final JdkProcessTable processTable = new JdkProcessTable();
    final FaultyTree tree = new FaultyTree(new ProcProcessTree(processTable));
    final ExecutorScheduler scheduler = new ExecutorScheduler();
    final HubDatabase db;
    final ChildRecords records;
    final Supervisor supervisor;
    private final SpawnRequests requests = new SpawnRequests(ToolPath.ofThisProcess(), null, () -> null, () -> 0);

    SupervisorFixture(Path root) throws SQLException {
        this(root, FAST);
    }

    SupervisorFixture(Path root, SupervisorSettings settings) throws SQLException {
        this.root = root;
        this.home = new HubHome(root.resolve("home"));
        this.db = HubDatabase.open(home.hubDb());
        this.records = new ChildRecords(db.dataSource());
        SupervisorSeams seams = new SupervisorSeams(launcher, signals, tree, probe, new ProcPortOwnerLookup(),
                processTable, scheduler, clock, Clock.systemUTC(), output);
        this.supervisor = new Supervisor(settings, seams, records, home);
    }

    /** A test module install dir (its own copy of the script) under the temp root. */
    Path install(String shortName) throws IOException {
        return TestModules.installDir(root.resolve("modules"), shortName);
    }

    /** A request for the test module in {@code installDir} on {@code port}, with TM_* switches as pairs. */
    SpawnRequest request(String shortName, Path installDir, int port, String... tmPairs) {
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tmPairs.length; i += 2) {
            extra.put(tmPairs[i], tmPairs[i + 1]);
        }
        return requests.build(shortName, TestModules.command(installDir), port, installDir, envFile(shortName),
                null, extra);
    }

    /** A fresh module on a free port. */
    SpawnRequest module(String shortName, String... tmPairs) throws IOException {
        return request(shortName, install(shortName), FreePorts.find(), tmPairs);
    }

    /** The module's {@code .env} pairs (written by tests as plain KEY=value lines). */
    Map<String, String> envFile(String shortName) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Path file = home.moduleEnvFile(shortName);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        pairs.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return pairs;
    }

    SpawnRequests requests() {
        return requests;
    }

    List<ChildProcess> children() {
        return launcher.children();
    }

    @Override
    public void close() {
        try {
            supervisor.shutdown();
        } finally {
            scheduler.close();
            reaper.close();
            db.close();
        }
    }
}
