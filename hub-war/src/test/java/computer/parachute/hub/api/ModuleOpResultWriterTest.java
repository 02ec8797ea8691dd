package computer.parachute.hub.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.StartError;
import computer.parachute.hub.supervisor.StartErrorType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A start's or restart's answer, written by hand, must be byte for byte what JSON-B (Jersey's default Jsonb) wrote. */
class ModuleOpResultWriterTest {
    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static void assertSameBytes(ModuleOpResult result) throws Exception {
        byte[] expected = JSONB.toJson(result).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModuleOpResultWriter.write(result, out);
        assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected, out.toByteArray());
    }

    @Test
    void runningAndReady() throws Exception {
        assertSameBytes(new ModuleOpResult("notes", new ModuleSnapshot("notes", "running", 4242L,
                Instant.parse("2026-12-01T17:50:01.123456789Z"), 0, 143, null, null, true)));
    }

    @Test
    void crashedWithAStartErrorAndAwkwardText() throws Exception {
        StartError error = StartError.of(StartErrorType.values()[0],
                "binary \"bun\" not found\n\ttab \\ é ✓ \u0001 </script>", "bun", Instant.parse("2026-12-01T00:00:00Z"));
        assertSameBytes(new ModuleOpResult("scribe", new ModuleSnapshot("scribe", "crashed", null, null,
                Integer.MAX_VALUE, -9, Instant.ofEpochSecond(1, 1), error, false)));
        assertSameBytes(new ModuleOpResult("x", new ModuleSnapshot("x", "running", Long.MAX_VALUE,
                Instant.EPOCH, 2, null, null, new StartError("started_but_unbound", "not listening", null, null), false)));
    }

    @Test
    void noState() throws Exception {
        assertSameBytes(new ModuleOpResult("vault", null));
    }

    /** Every optional member absent, so each object opens with a member written without a comma before it. */
    @Test
    void nothingOptional() throws Exception {
        assertSameBytes(new ModuleOpResult(null, new ModuleSnapshot(null, null, null, null, 0, null, null,
                new StartError(null, null, null, null), false)));
        assertSameBytes(new ModuleOpResult(null, null));
    }
}
