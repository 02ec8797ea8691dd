package computer.parachute.hub.api;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.net.TcpPortProbe;
import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.supervisor.ModuleBoot;
import computer.parachute.hub.supervisor.Supervisor;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hub boot over a services.json that mixes startable rows with rows that cannot start (DESIGN §5 Boot): the
 * startable ones run, each skipped one is logged with its reason and stays installed-but-unsupervised.
 */
class HubBootTest {
    @TempDir Path dir;

    @Test
    void rowsWithoutAStartCommandAreSkippedWithAReasonAndTheOthersStart() throws Exception {
        ApiHub.Module good = ApiHub.preinstall(dir, "good", Map.of());
        ApiHub.Module second = ApiHub.preinstall(dir, "second", Map.of());
        HubHome home = new HubHome(dir.resolve("home"));
        ServicesRegistry registry = new ServicesRegistry(home.servicesJson());
        registry.upsert(ServiceEntry.of("nospec", FreePorts.find(), List.of("/nospec"), "/health", "1"));
        Path cliOnly = Files.createDirectories(dir.resolve("modules/clionly/.parachute"));
        Files.writeString(cliOnly.resolve("module.json"),
                "{\"name\":\"clionly\",\"port\":2,\"paths\":[],\"health\":\"/health\"}");
        registry.upsert(ServiceEntry.of("clionly", FreePorts.find(), List.of(), "/health", "1")
                .withInstallDir(cliOnly.getParent().toString()));

        List<String> bootLog = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) { bootLog.add(record.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger bootLogger = Logger.getLogger(ModuleBoot.class.getName());
        bootLogger.addHandler(capture);
        bootLogger.setLevel(Level.INFO); // the test logging config keeps WARNING and above only
        try (ApiHub hub = ApiHub.start(dir)) {
            Poll.require(ModuleOpsLifecycleTest.DEADLINE, "boot to finish", () -> !hub.hub.lifecycle().boot().isBooting());
            Supervisor supervisor = hub.hub.lifecycle().supervisor();
            for (ApiHub.Module module : List.of(good, second)) {
                supervisor.get(module.shortName()).ifPresent(s -> hub.reaper.track(s.pid()));
                assertTrue(supervisor.get(module.shortName()).orElseThrow().state().equals("running"));
                assertTrue(new TcpPortProbe().isListening(module.port()), module.shortName() + " answers");
            }
            assertFalse(supervisor.get("nospec").isPresent());
            assertFalse(supervisor.get("clionly").isPresent());
            assertTrue(bootLog.stream().anyMatch(l -> l.contains("nospec: skipped (no-spec:")), bootLog.toString());
            assertTrue(bootLog.stream().anyMatch(l -> l.contains("clionly: skipped (no-start-cmd:")), bootLog.toString());

            JsonObject ready = hub.send("GET", "/api/ready", null).json();
            assertEquals(false, ready.getBoolean("booting"));
            String admin = hub.mint(ScopeSets.ADMIN);
            JsonObject nospec = hub.get("/api/modules", admin).json().getJsonArray("modules").stream()
                    .map(JsonObject.class::cast).filter(m -> m.getString("short").equals("nospec")).findFirst().orElseThrow();
            assertTrue(nospec.getBoolean("installed"));
            assertFalse(nospec.containsKey("supervisor_status"), "JSON-B leaves out a null status: " + nospec);
        } finally {
            bootLogger.removeHandler(capture);
            bootLogger.setLevel(null);
        }
    }
}
