package computer.parachute.hub.core.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HubDatabaseTest {
    @TempDir Path dir;

    private static String pragma(HubDatabase db, String name) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void opensMigratedWithWalAndForeignKeys() throws Exception {
        try (HubDatabase db = HubDatabase.open(dir.resolve("sub/hub.db"))) {
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("1", pragma(db, "foreign_keys"));
            assertEquals(String.valueOf(SchemaMigrations.latestVersion()), pragma(db, "user_version"));
            assertEquals("5000", pragma(db, "busy_timeout"));
            assertEquals("ok", db.health());
        }
        try (HubDatabase again = HubDatabase.open(dir.resolve("sub/hub.db"))) {
            assertEquals(String.valueOf(SchemaMigrations.latestVersion()), pragma(again, "user_version"));
        }
    }

    @Test
    void twoProcessesOpeningAFreshFileMigrateItOnce() throws Exception {
        Path file = dir.resolve("hub.db");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> opens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<String> open = () -> {
                    try (HubDatabase db = HubDatabase.open(file)) {
                        return pragma(db, "user_version");
                    }
                };
                opens.add(pool.submit(open));
            }
            for (Future<String> open : opens) {
                assertEquals(String.valueOf(SchemaMigrations.latestVersion()), open.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void healthReportsAClosedPool() throws Exception {
        HubDatabase db = HubDatabase.open(dir.resolve("hub.db"));
        db.close();
        assertEquals(true, db.health().startsWith("error: "));
    }
}
