package computer.parachute.hub.core.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvFileTest {
    @TempDir Path dir;

    @Test
    void missingFileIsEmpty() throws Exception {
        assertEquals(Map.of(), EnvFile.load(dir.resolve("nope/.env")).pairs());
    }

    @Test
    void parsesPairsQuotesAndEmbeddedEquals() throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "# comment\nA=1\nB=\"two words\"\nC='x'\nD=a=b\n=novalue\nnoequals\nexport E=5\nQ=\"\n");
        Map<String, String> pairs = EnvFile.load(file).pairs();
        assertEquals("1", pairs.get("A"));
        assertEquals("two words", pairs.get("B"));
        assertEquals("x", pairs.get("C"));
        assertEquals("a=b", pairs.get("D"));
        assertEquals("5", pairs.get("export E"));
        assertEquals("\"", pairs.get("Q"), "a lone quote is not a quoted value");
        assertEquals(6, pairs.size());
    }

    @Test
    void upsertReplacesInPlaceAndKeepsComments() throws Exception {
        Path file = dir.resolve("vault/.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# keep me\nA=1\nB=2\n");
        EnvFile env = EnvFile.load(file);
        env.upsert("A", "9");
        env.upsert("C", "3");
        env.remove("B");
        env.save();
        assertEquals("# keep me\nA=9\nC=3\n", Files.readString(file));
    }
}
