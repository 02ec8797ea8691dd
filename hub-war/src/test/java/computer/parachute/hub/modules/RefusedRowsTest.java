package computer.parachute.hub.modules;

import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.supervisor.BootPlan;
import computer.parachute.hub.supervisor.SpawnRequests;
import computer.parachute.hub.core.process.ToolPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: rows with a reserved name (one that maps onto the hub's own files) or on the hub's own port are skipped
 * at boot with a warning and refused by the module-ops API; no spawn request is ever built for them.
 */
class RefusedRowsTest {
    private static final int HUB_PORT = 41939;

    @TempDir Path dir;

    @Test
    void reservedNamesAndTheHubPortAreSkippedAtBootAndRefusedByTheApi() throws Exception {
        HubHome home = new HubHome(dir.resolve("home"));
        Path install = Files.createDirectories(dir.resolve("mod/.parachute")).getParent();
        Files.writeString(install.resolve(".parachute/module.json"),
                "{\"name\":\"m\",\"port\":1,\"paths\":[],\"health\":\"/h\",\"startCmd\":[\"sleep\",\"30\"]}");
        ServicesRegistry registry = new ServicesRegistry(home.servicesJson());
        for (ServiceEntry row : List.of(row("hub", 41001, install), row("hub.db-wal", 41002, install),
                row("supervisor", 41003, install), row("squatter", HUB_PORT, install), row("fine", 41004, install))) {
            registry.upsert(row);
        }
        SpawnRequests requests = new SpawnRequests(ToolPath.ofThisProcess(), home, () -> "http://127.0.0.1:" + HUB_PORT,
                () -> HUB_PORT);

        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) { warnings.add(record.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger bootLog = Logger.getLogger(HubBoot.class.getName());
        bootLog.addHandler(capture);
        Map<String, BootPlan> plans;
        try {
            plans = new HubBoot(registry, null, requests).plans().stream()
                    .collect(Collectors.toMap(BootPlan::shortName, p -> p));
        } finally {
            bootLog.removeHandler(capture);
        }

        for (String reserved : List.of("hub", "hub.db-wal", "supervisor")) {
            assertTrue(plans.get(reserved).skipReason().contains("is reserved for the hub's own files"), plans.get(reserved).toString());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("\"" + reserved + "\"") && w.contains("not starting it")), warnings.toString());
        }
        assertTrue(plans.get("squatter").skipReason().contains("uses port " + HUB_PORT + ", the hub's own port"),
                plans.get("squatter").toString());
        assertTrue(plans.get("fine").request() != null, "an ordinary row still boots");
        assertFalse(Files.exists(home.root().resolve("hub.db-wal")), "nothing was created for a reserved row");

        ModuleOperations api = new ModuleOperations(registry, null, requests);
        for (String refused : List.of("hub", "hub.db-wal", "squatter")) {
            HubApiException e = assertThrows(HubApiException.class, () -> api.start(refused));
            assertEquals(400, e.status(), refused);
            assertEquals("invalid_module", e.code(), refused);
        }
    }

    private static ServiceEntry row(String name, int port, Path install) {
        return ServiceEntry.of(name, port, List.of(), "/h", "1").withInstallDir(install.toString());
    }
}
