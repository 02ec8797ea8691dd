package computer.parachute.hub.core.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares against src/test/resources goldens; on a mismatch writes the actual text to target/ for a diff. */
final class Goldens {

    private Goldens() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = Goldens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing golden " + name);
            }
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path out = Path.of("target", "golden-actual", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual, "golden " + name + " differs; actual written to target/golden-actual/" + name);
    }
}
