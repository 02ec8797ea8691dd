package computer.parachute.hub.modules;

import computer.parachute.hub.core.manifest.ServicesRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 9: the rescan warns once per version of a malformed services.json, and retries a removal that failed. */
class RegistryRescanTest {
    private static final Logger LOG = Logger.getLogger(RegistryRescan.class.getName());
    private static final String ALPHA = "{\"name\":\"alpha\",\"port\":2001,\"paths\":[],\"health\":\"/h\",\"version\":\"1\"}";

    @TempDir Path dir;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }
        @Override public void flush() { }
        @Override public void close() { }
    };

    @BeforeEach
    void listen() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(capture);
    }

    @Test
    void aFileThatOnlyParsesLenientlyIsReportedOncePerChangeNotOnEveryTick() throws Exception {
        Path services = dir.resolve("services.json");
        Files.writeString(services, "{\"services\":[" + ALPHA + ",{\"name\":\"broken\"}]}");
        List<String> stopped = new ArrayList<>();
        RegistryRescan rescan = new RegistryRescan(new ServicesRegistry(services), () -> List.of("alpha", "bravo"),
                shortName -> stopped.add(shortName));
        for (int tick = 0; tick < 10; tick++) {
            rescan.run();
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(List.of(), stopped, "a half-edited registry stops nothing");

        Files.writeString(services, "{\"services\":[" + ALPHA + ",{\"name\":\"still-broken\"}]}");
        for (int tick = 0; tick < 10; tick++) {
            rescan.run();
        }
        assertEquals(2, warnings.size(), "one more warning for the new version: " + warnings);
        assertEquals(List.of(), stopped);
    }

    @Test
    void aRemovalThatFailedIsRetriedOnTheNextTickWithoutAFileChange() throws Exception {
        Path services = dir.resolve("services.json");
        Files.writeString(services, "{\"services\":[" + ALPHA + "]}");
        List<String> supervised = new CopyOnWriteArrayList<>(List.of("alpha", "bravo"));
        List<String> attempts = new ArrayList<>();
        RegistryRescan rescan = new RegistryRescan(new ServicesRegistry(services), () -> List.copyOf(supervised), shortName -> {
            attempts.add(shortName);
            if (attempts.size() == 1) {
                return false; // busy: not at rest yet
            }
            supervised.remove(shortName);
            return true;
        });

        rescan.run();
        assertEquals(List.of("bravo"), attempts);
        rescan.run();
        assertEquals(List.of("bravo", "bravo"), attempts, "retried although services.json did not change");
        rescan.run();
        assertEquals(List.of("bravo", "bravo"), attempts, "nothing more to do once it is gone");
        assertEquals(List.of("alpha"), supervised);
    }

    @Test
    void aRemovalThatThrowsIsRetriedToo() throws Exception {
        Path services = dir.resolve("services.json");
        Files.writeString(services, "{\"services\":[]}");
        List<String> attempts = new ArrayList<>();
        RegistryRescan rescan = new RegistryRescan(new ServicesRegistry(services), () -> List.of("bravo"), shortName -> {
            attempts.add(shortName);
            if (attempts.size() == 1) {
                throw new IllegalStateException("kill failed");
            }
            return true;
        });
        rescan.run();
        rescan.run();
        assertEquals(List.of("bravo", "bravo"), attempts);
        assertEquals(1, warnings.stream().filter(w -> w.contains("removal failed (kill failed)")).count(), warnings.toString());
    }
}
