package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeysTest {
    @TempDir
    Path dir;

    @Test
    void firstUseGeneratesOneRsa2048KeyWhoseKidIsTheSha256OfItsPublicPem() throws Exception {
        MutableClock clock = MutableClock.atUpstreamPin();
        try (HubDatabase db = HubDatabase.open(dir.resolve("hub.db"))) {
            SigningKeys keys = new SigningKeys(db, clock);
            SigningKey first = keys.activeKey();
            SigningKey again = keys.activeKey();

            assertEquals(first.kid(), again.kid());
            assertEquals(2048, first.publicKey().getModulus().bitLength());
            List<String[]> rows = rows(db);
            assertEquals(1, rows.size());
            String publicPem = rows.get(0)[1];
            assertEquals(first.kid(), rows.get(0)[0]);
            assertEquals(Pem.kid(publicPem), first.kid());
            assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"), publicPem);
            assertTrue(rows.get(0)[2].startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8 private key");
            assertEquals("RS256", rows.get(0)[3]);
            assertEquals(String.valueOf(clock.millis()), rows.get(0)[4]);
            assertNull(rows.get(0)[5]);
        }
    }

    @Test
    void rotationRetiresTheOldKeyWhichStillVerifiesFor24HoursOnly() throws Exception {
        MutableClock clock = MutableClock.atUpstreamPin();
        try (HubDatabase db = HubDatabase.open(dir.resolve("hub.db"))) {
            SigningKeys keys = new SigningKeys(db, clock);
            SigningKey old = keys.activeKey();
            SigningKey fresh = keys.rotate();

            assertNotEquals(old.kid(), fresh.kid());
            assertEquals(fresh.kid(), keys.activeKey().kid());
            assertEquals(1, rows(db).stream().filter(row -> row[5] == null).count(), "exactly one active key");
            clock.advance(Duration.ofHours(23).plusMinutes(59));
            assertTrue(keys.verificationKey(old.kid()).isPresent(), "retired key verifies within 24 h");
            clock.advance(Duration.ofMinutes(2));
            assertTrue(keys.verificationKey(old.kid()).isEmpty(), "retired key is gone after 24 h");
            assertTrue(keys.verificationKey(fresh.kid()).isPresent(), "the active key never ages out");
            assertTrue(keys.verificationKey("no-such-kid").isEmpty());
        }
    }

    @Test
    void twoDatabaseHandlesRacingOnAFreshHubDbCreateExactlyOneKey() throws Exception {
        MutableClock clock = MutableClock.atUpstreamPin();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HubDatabase hub = HubDatabase.open(dir.resolve("hub.db"));
             HubDatabase cli = HubDatabase.open(dir.resolve("hub.db"))) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SigningKey>> racers = new ArrayList<>();
            for (HubDatabase db : List.of(hub, cli)) {
                racers.add(pool.submit(() -> {
                    start.await();
                    return new SigningKeys(db, clock).activeKey();
                }));
            }
            start.countDown();
            Set<String> kids = new HashSet<>();
            for (Future<SigningKey> racer : racers) {
                kids.add(racer.get(30, TimeUnit.SECONDS).kid());
            }
            assertEquals(1, kids.size(), "both processes use the same key");
            assertEquals(1, rows(hub).size(), "one row in signing_keys");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysSurviveReopeningTheDatabase() throws Exception {
        MutableClock clock = MutableClock.atUpstreamPin();
        String kid;
        try (HubDatabase db = HubDatabase.open(dir.resolve("hub.db"))) {
            kid = new SigningKeys(db, clock).activeKey().kid();
        }
        try (HubDatabase db = HubDatabase.open(dir.resolve("hub.db"))) {
            SigningKey reread = new SigningKeys(db, clock).activeKey();
            assertEquals(kid, reread.kid());
            assertNotNull(reread.privateKey());
        }
    }

    /** kid, public pem, private pem, algorithm, created_at, retired_at (null when NULL). */
    private static List<String[]> rows(HubDatabase db) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = db.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT kid, public_key_pem, private_key_pem, algorithm, "
                     + "created_at, retired_at FROM signing_keys")) {
            while (row.next()) {
                rows.add(new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)});
            }
        }
        return rows;
    }
}
