package computer.parachute.hub.cli.unitarm;

import computer.parachute.hub.cli.RealWiringWithUnits;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ModuleManifest;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.net.PortOwner;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;
import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unit arm end to end (DESIGN §2): the CLI's production wiring, with the platform manager replaced by a stand-in
 * that executes the generated unit's own ExecStart + Environment. Hub verbs go through the manager only (no pidfile,
 * no PID signal from the CLI); module verbs reach the real hub's API with the token the hub minted.
 */
class UnitArmEndToEndIT {
    private static final Duration UP = Duration.ofSeconds(30);
    private static final String MODULE = "echo";

    @TempDir Path root;
    private final ProcessReaper reaper = new ProcessReaper();
    private final TcpPortProbe probe = new TcpPortProbe();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void hubAndModuleVerbsThroughTheServiceManager() throws Exception {
        HubHome home = new HubHome(root.resolve("home"));
        int hubPort = FreePorts.find();
        int modulePort = FreePorts.find();
        registerModule(home, modulePort);
        ExecServiceManager manager = new ExecServiceManager(root.resolve("units/parachute-hub.service"), root.resolve("hub.log"), reaper);
        RealWiringWithUnits cli = new RealWiringWithUnits(home, env(home, hubPort), manager);

        int installed = cli.run("hub", "install");
        String installOutput = cli.takeOutput();
        assertEquals(0, installed, installOutput);
        assertEquals("install start=true", manager.calls().get(0));
        // a deliberate PATH, shown to the operator, not the PATH of the shell that ran the install
        String unitPath = computer.parachute.hub.core.unit.UnitPath.compose("",
                computer.parachute.hub.core.unit.HubJavaFinder.of(System.getenv()).find().bin(), System.getProperty("user.home"));
        assertTrue(Files.readString(root.resolve("units/parachute-hub.service")).contains("Environment=PATH=" + unitPath + "\n"));
        assertTrue(installOutput.contains("PATH for the hub and its modules: " + unitPath), "install shows the unit's PATH: " + installOutput);
        Poll.require(UP, "module " + MODULE + " booted by the hub", () -> probe.isListening(modulePort));
        trackModule(modulePort);

        assertEquals(0, cli.run("start", MODULE));
        assertTrue(cli.takeOutput().contains("✓ echo started."));

        long before = listener(modulePort).pid();
        assertEquals(0, cli.run("restart", MODULE));
        assertTrue(cli.takeOutput().contains("✓ echo restarted."));
        assertNotEquals(before, trackModule(modulePort));

        assertEquals(0, cli.run("stop", MODULE));
        assertTrue(cli.takeOutput().contains("✓ echo stopped."));
        assertFalse(probe.isListening(modulePort), "stop returns after the module has exited");

        long hubBefore = manager.hub().orElseThrow().pid();
        assertEquals(0, cli.run("restart", "hub"), cli.takeOutput());
        assertEquals("RESTART", manager.calls().get(manager.calls().size() - 1));
        assertNotEquals(hubBefore, manager.hub().orElseThrow().pid());
        Poll.require(UP, "module re-booted by the restarted hub", () -> probe.isListening(modulePort));
        trackModule(modulePort);

        assertEquals(0, cli.run("stop"));
        assertTrue(cli.takeOutput().contains("✓ hub stopped"));
        assertEquals(0, manager.hub().orElseThrow().exitValue(), "SIGTERM from the manager is a clean stop (exit 0)");
        assertFalse(probe.isListening(modulePort), "the hub stops its modules when it stops");
        assertFalse(Files.exists(home.hubPidFile()), "the unit arm never writes a pidfile");

        assertEquals(0, cli.run("hub", "uninstall"));
        assertFalse(Files.exists(root.resolve("units/parachute-hub.service")));
        assertEquals(List.of("install start=true", "RESTART", "STOP", "remove"),
                manager.calls().stream().filter(c -> !c.equals("START")).toList());
    }

    private void registerModule(HubHome home, int port) throws Exception {
        Path dir = TestModules.installDir(root.resolve("modules"), MODULE);
        Files.createDirectories(dir.resolve(".parachute"));
        Files.writeString(ModuleManifest.fileIn(dir), Json.createObjectBuilder().add("name", MODULE).add("port", port)
                .add("paths", Json.createArrayBuilder().add("/" + MODULE)).add("health", "/health")
                .add("startCmd", Json.createArrayBuilder(TestModules.command(dir))).build().toString());
        new ServicesRegistry(home.servicesJson()).upsert(
                ServiceEntry.of(MODULE, port, List.of("/" + MODULE), "/health", "0.1.0").withInstallDir(dir.toString()));
    }

    private static Map<String, String> env(HubHome home, int hubPort) {
        Map<String, String> env = new HashMap<>();
        env.put("PARACHUTE_HOME", home.root().toString());
        env.put("PARACHUTE_HUB_PORT", Integer.toString(hubPort));
        env.put("PARACHUTE_LAUNCHER_JAR", Path.of(System.getProperty("launcher.jar", "../launcher/target/launcher.jar")).toAbsolutePath().toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("NO_COLOR", "1");
        return env;
    }

    private static PortOwner listener(int port) {
        return new ProcPortOwnerLookup().ownerOf(port).orElseThrow(() -> new AssertionError("nothing listens on " + port));
    }

    /** Tracks the module's listener so the test reaps it even if the hub does not. */
    private long trackModule(int port) {
        return reaper.track(listener(port).pid());
    }
}
