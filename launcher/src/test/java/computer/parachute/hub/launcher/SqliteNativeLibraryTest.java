package computer.parachute.hub.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sqlite-jdbc's native library: unpacked once into the launcher's private cache, then loaded from there by the driver. */
class SqliteNativeLibraryTest {
    @TempDir
    Path cache;

    @AfterEach
    void clearDriverProperties() {
        System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @Test
    void unpacksOnceThenReusesTheCopyAndTheDriverLoadsIt() throws Exception {
        Path library = SqliteNativeLibrary.useCached(cache).orElseThrow();
        assertTrue(library.startsWith(cache) && Files.size(library) > 100_000, library.toString());
        assertEquals(library.getParent().toString(), System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertEquals(library.getFileName().toString(), System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
        FileTime marker = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, marker);

        clearDriverProperties();
        assertEquals(library, SqliteNativeLibrary.useCached(cache).orElseThrow());
        assertEquals(marker, Files.getLastModifiedTime(library), "a complete copy must not be unpacked again");
        try (var entries = Files.list(library.getParent())) {
            assertEquals(1, entries.count(), "no temporary files left behind");
        }
        // in a fresh JVM: this one may have loaded the driver's library already (another test started a hub)
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteNativeLibraryTest.class.getName(), cache.toString())
                .redirectErrorStream(true).start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, child.exitValue(), out);
            assertTrue(out.contains("mapped " + library), "the driver mapped the cached copy, not one it unpacked itself: " + out);
        } finally {
            child.destroyForcibly(); // by its handle: the one process this test started
        }
    }

    /** The child: points the driver at the cache in {@code args[0]}, runs a query, prints the library it mapped. */
    public static void main(String[] args) throws Exception {
        Path library = SqliteNativeLibrary.useCached(Path.of(args[0])).orElseThrow();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:");
             ResultSet version = db.createStatement().executeQuery("select sqlite_version()")) {
            if (!version.next() || version.getString(1).isEmpty()) {
                throw new IllegalStateException("no sqlite_version()");
            }
        }
        boolean mapped = Files.readString(Path.of("/proc/self/maps")).contains(library.toString());
        System.out.println(mapped ? "mapped " + library : "not mapped: " + library);
    }

    @Test
    void aTruncatedCopyIsReplaced() throws Exception {
        Path library = SqliteNativeLibrary.useCached(cache).orElseThrow();
        long size = Files.size(library);
        Files.delete(library); // a new inode: the driver may have this one mapped
        Files.write(library, new byte[10]);
        clearDriverProperties();
        assertEquals(library, SqliteNativeLibrary.useCached(cache).orElseThrow());
        assertEquals(size, Files.size(library));
    }

    @Test
    void aPathTheOperatorSetWins() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/opt/sqlite");
        assertTrue(SqliteNativeLibrary.useCached(cache).isEmpty());
        assertEquals("/opt/sqlite", System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertNotEquals(true, Files.exists(cache.resolve("sqlite-native")));
    }
}
