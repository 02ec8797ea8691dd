package computer.parachute.hub.api;

import computer.parachute.hub.modules.ModuleView;
import computer.parachute.hub.supervisor.StartError;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written module list must be byte for byte what JSON-B (Jersey's default Jsonb) wrote before it. */
class ModuleCatalogWriterTest {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static void assertSameBytes(ModuleCatalog catalog) {
        byte[] expected = JSONB.toJson(catalog).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModuleCatalogWriter.write(catalog, out);
        assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void emptyCatalog() {
        assertSameBytes(new ModuleCatalog(List.of(), true));
        assertSameBytes(new ModuleCatalog(List.of(), false));
    }

    @Test
    void runningInstalledOnlyAndSupervisedOnlyRows() {
        Instant started = Instant.parse("2026-12-01T17:50:01.123456789Z");
        var running = new ModuleView("notes", "@parachute/notes", 1944, "1.2.3", true, "running", 4242L, started,
                0, null, null, null);
        var installedOnly = new ModuleView("vault", "@parachute/vault", 1940, "0.9.0", true, null, null, null,
                0, null, null, null);
        var orphan = new ModuleView("gone", null, null, null, false, "stopped", null, null, 0, 0, null, null);
        assertSameBytes(new ModuleCatalog(List.of(running, installedOnly, orphan), true));
    }

    @Test
    void crashedRowWithStartErrorAndAwkwardText() {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        var error = StartError.of(computer.parachute.hub.supervisor.StartErrorType.values()[0],
                "binary \"bun\" not found\n\ttab \\ é ✓ \u0001 </script>", "bun", at);
        var crashed = new ModuleView("scribe", "@parachute/scribe", 1943, "2.0.0-rc.1", true, "crashed",
                Long.MAX_VALUE, Instant.parse("2026-11-30T23:59:59.5Z"), 5, -9, Instant.ofEpochSecond(1, 1), error);
        var noBinary = new ModuleView("x", "x", 65535, "0", true, "backoff", 1L, null, Integer.MAX_VALUE, 137,
                at, new StartError("port_in_use", "port 1944 is taken", null, null));
        assertSameBytes(new ModuleCatalog(List.of(crashed, noBinary), false));
    }
}
