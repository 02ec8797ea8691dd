package computer.parachute.hub.api;

import computer.parachute.hub.modules.ModuleView;
import computer.parachute.hub.supervisor.StartError;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written module list must be byte for byte what JSON-B (Jersey's default Jsonb) wrote before it. */
class ModuleCatalogWriterTest {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static void assertSameBytes(ModuleCatalog catalog) throws IOException {
        byte[] expected = JSONB.toJson(catalog).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModuleCatalogWriter.write(catalog, out);
        assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void emptyCatalog() throws IOException {
        assertSameBytes(new ModuleCatalog(List.of(), true));
        assertSameBytes(new ModuleCatalog(List.of(), false));
    }

    @Test
    void runningInstalledOnlyAndSupervisedOnlyRows() throws IOException {
        Instant started = Instant.parse("2026-12-01T17:50:01.123456789Z");
        var running = new ModuleView("notes", "@parachute/notes", 1944, "1.2.3", true, "running", 4242L, started,
                0, null, null, null);
        var installedOnly = new ModuleView("vault", "@parachute/vault", 1940, "0.9.0", true, null, null, null,
                0, null, null, null);
        var orphan = new ModuleView("gone", null, null, null, false, "stopped", null, null, 0, 0, null, null);
        assertSameBytes(new ModuleCatalog(List.of(running, installedOnly, orphan), true));
    }

    @Test
    void crashedRowWithStartErrorAndAwkwardText() throws IOException {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        var error = StartError.of(computer.parachute.hub.supervisor.StartErrorType.values()[0],
                "binary \"bun\" not found\n\ttab \\ é ✓ \u0001 </script>", "bun", at);
        var crashed = new ModuleView("scribe", "@parachute/scribe", 1943, "2.0.0-rc.1", true, "crashed",
                Long.MAX_VALUE, Instant.parse("2026-11-30T23:59:59.5Z"), 5, -9, Instant.ofEpochSecond(1, 1), error);
        var noBinary = new ModuleView("x", "x", 65535, "0", true, "backoff", 1L, null, Integer.MAX_VALUE, 137,
                at, new StartError("port_in_use", "port 1944 is taken", null, null));
        assertSameBytes(new ModuleCatalog(List.of(crashed, noBinary), false));
    }

    @Test
    void startErrorWithMissingMembersAndNoneAtAll() throws IOException {
        var onlyType = new ModuleView("a", "a", 1, "1", true, "crashed", null, null, 0, null, null,
                new StartError("spawn_failed", null, null, null));
        var onlyBinary = new ModuleView("b", "b", 2, "1", true, "crashed", null, null, 0, null, null,
                new StartError(null, null, "node", null));
        var empty = new ModuleView("c", "c", 3, "1", true, "crashed", null, null, 0, -2147483648, null,
                new StartError(null, null, null, null));
        assertSameBytes(new ModuleCatalog(List.of(onlyType, onlyBinary, empty), true));
    }

    /** Non-ASCII runs, surrogate pairs, a lone surrogate, every control character, and text past the buffer. */
    @Test
    void unicodeControlsAndLongText() throws IOException {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c).append('x');
        }
        controls.append("\u007f\u0080\u2028 \"quoted\" back\\slash /slash");
        String emoji = "start 😀😀 end é日本語 \ud800 lone \udc00 low";
        String longText = "ü".repeat(3000) + "a".repeat(5000) + "\n".repeat(2100);
        var row = new ModuleView("u", emoji, 1, controls.toString(), true, "running", 1L, null, 0, null, null,
                new StartError("spawn_failed", longText, emoji, null));
        assertSameBytes(new ModuleCatalog(List.of(row), true));
    }

    /** Instants across the fast path's range and beyond it, with every fraction width, against JSON-B's own text. */
    @Test
    void instantsAsJsonbWritesThem() throws IOException {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("1969-12-31T23:59:59.1Z"), Instant.parse("2000-02-29T12:00:00.000001Z"),
                Instant.parse("2100-03-01T00:00:00.000000001Z"), Instant.parse("1900-02-28T23:59:59.010Z")));
        SplittableRandom random = new SplittableRandom(10);
        for (int i = 0; i < 2000; i++) {
            long second = random.nextLong(-70_000_000_000L, 260_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        List<ModuleView> rows = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            Instant at = instants.get(i);
            rows.add(new ModuleView("m" + i, "m", i, "1", true, "running", (long) -i, at, i, -i, at,
                    new StartError("spawn_failed", "d", null, at)));
        }
        assertSameBytes(new ModuleCatalog(rows, false));
    }
}
