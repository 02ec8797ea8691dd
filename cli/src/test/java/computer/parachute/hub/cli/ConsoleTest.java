package computer.parachute.hub.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleTest {
    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertTrue(Console.colourWanted(true, Map.of()));
        assertFalse(Console.colourWanted(false, Map.of()));
        assertFalse(Console.colourWanted(true, Map.of("NO_COLOR", "1")));
        assertTrue(Console.colourWanted(true, Map.of("NO_COLOR", "")), "no-color.org: an empty NO_COLOR does not count");
        assertFalse(Console.colourWanted(true, Map.of("TERM", "dumb")));
    }

    @Test
    void marksAreColouredOnlyWhenAsked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console plain = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        plain.success("ok");
        plain.report("✗ bad");
        assertEquals("✓ ok\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("✗ bad\n", err.toString(StandardCharsets.UTF_8));
        out.reset();
        new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, true).success("ok");
        assertEquals("\u001b[32m✓\u001b[0m ok\n", out.toString(StandardCharsets.UTF_8));
    }
}
