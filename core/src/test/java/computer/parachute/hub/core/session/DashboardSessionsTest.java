package computer.parachute.hub.core.session;

import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.token.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login codes and sessions over a real hub.db file, with a clock the test moves. */
class DashboardSessionsTest {
    @TempDir
    Path dir;
    private HubDatabase db;
    private final MutableClock clock = MutableClock.atUpstreamPin();
    private LoginCodes codes;
    private DashboardSessions sessions;

    @BeforeEach
    void open() throws Exception {
        db = HubDatabase.open(dir.resolve("hub.db"));
        codes = new LoginCodes(db, clock, SessionPolicy.defaults());
        sessions = new DashboardSessions(db, clock, SessionPolicy.defaults());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aLoginCodeWorksOnceAndHubDbKeepsOnlyItsHash() throws Exception {
        LoginCodes.Minted minted = codes.mint();
        assertTrue(minted.code().matches("[A-Za-z0-9_-]{43}"), minted.code()); // 256 random bits
        assertEquals(clock.instant().plusSeconds(60), minted.expiresAt());
        List<String> stored = column("SELECT code_hash FROM dashboard_login_codes");
        assertEquals(1, stored.size());
        assertNotEquals(minted.code(), stored.get(0));
        assertFalse(Files.readString(dir.resolve("hub.db"), java.nio.charset.StandardCharsets.ISO_8859_1).contains(minted.code()));

        assertEquals(LoginCodes.Redemption.ACCEPTED, codes.redeem(minted.code()));
        assertEquals(LoginCodes.Redemption.UNKNOWN, codes.redeem(minted.code()));
        assertEquals(List.of(), column("SELECT code_hash FROM dashboard_login_codes"));
    }

    @Test
    void aLoginCodeExpiresAfterSixtySecondsAndIsGoneAfterTheAttempt() {
        LoginCodes.Minted minted = codes.mint();
        clock.advance(Duration.ofSeconds(59));
        LoginCodes.Minted second = codes.mint();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(LoginCodes.Redemption.EXPIRED, codes.redeem(minted.code()));
        assertEquals(LoginCodes.Redemption.UNKNOWN, codes.redeem(minted.code()));
        assertEquals(LoginCodes.Redemption.ACCEPTED, codes.redeem(second.code()));
    }

    @Test
    void malformedOrForeignCodesAreRefusedWithoutTouchingTheTable() {
        codes.mint();
        for (String bad : new String[] {null, "", "x", "a".repeat(43) + "=", "'; DROP TABLE dashboard_sessions; --", "a".repeat(5000)}) {
            assertEquals(LoginCodes.Redemption.UNKNOWN, codes.redeem(bad), String.valueOf(bad));
        }
        assertEquals(LoginCodes.Redemption.UNKNOWN, codes.redeem(Secrets.random()));
    }

    @Test
    void aSessionEndsTwelveHoursAfterItsLastUse() {
        DashboardSessions.Started started = sessions.start();
        clock.advance(Duration.ofHours(11));
        assertTrue(sessions.find(started.cookieValue()).isPresent()); // use: the idle clock restarts
        clock.advance(Duration.ofHours(11));
        assertTrue(sessions.find(started.cookieValue()).isPresent());
        clock.advance(Duration.ofHours(12));
        assertTrue(sessions.find(started.cookieValue()).isEmpty());
        assertEquals(List.of(), column("SELECT id_hash FROM dashboard_sessions"));
    }

    @Test
    void aSessionEndsSevenDaysAfterItBeganHoweverOftenItIsUsed() {
        DashboardSessions.Started started = sessions.start();
        for (int hour = 0; hour < 7 * 24 - 11; hour += 11) {
            clock.advance(Duration.ofHours(11));
            assertTrue(sessions.find(started.cookieValue()).isPresent(), "hour " + (hour + 11));
        }
        clock.set(started.session().createdAt().plus(Duration.ofDays(7)));
        assertTrue(sessions.find(started.cookieValue()).isEmpty());
    }

    @Test
    void theCsrfTokenBelongsToOneSessionAndIsNotItsId() {
        DashboardSessions.Started one = sessions.start();
        DashboardSessions.Started two = sessions.start();
        DashboardSessions.Session found = sessions.find(one.cookieValue()).orElseThrow();
        assertEquals(one.session().csrfToken(), found.csrfToken());
        assertTrue(found.csrfMatches(one.session().csrfToken()));
        assertFalse(found.csrfMatches(two.session().csrfToken()));
        assertFalse(found.csrfMatches(one.cookieValue()));
        assertFalse(found.csrfMatches(null));
        assertFalse(found.csrfMatches(""));
        assertNotEquals(one.cookieValue(), one.session().csrfToken());
        assertFalse(column("SELECT id_hash FROM dashboard_sessions").contains(one.cookieValue()));
    }

    @Test
    void logoutEndsOneSessionAndRevokeAllEndsEverySessionAndUnusedLink() {
        DashboardSessions.Started one = sessions.start();
        DashboardSessions.Started two = sessions.start();
        DashboardSessions.Started three = sessions.start();
        LoginCodes.Minted pending = codes.mint();

        assertTrue(sessions.end(one.cookieValue()));
        assertFalse(sessions.end(one.cookieValue()));
        assertTrue(sessions.find(one.cookieValue()).isEmpty());
        assertTrue(sessions.find(two.cookieValue()).isPresent());

        assertEquals(2, sessions.revokeAll());
        assertTrue(sessions.find(two.cookieValue()).isEmpty());
        assertTrue(sessions.find(three.cookieValue()).isEmpty());
        assertEquals(LoginCodes.Redemption.UNKNOWN, codes.redeem(pending.code()));
    }

    @Test
    void onlyAShorterLoginLifetimeIsTakenFromTheSystemProperty() {
        String before = System.getProperty(SessionPolicy.LOGIN_TTL_PROPERTY);
        try {
            System.setProperty(SessionPolicy.LOGIN_TTL_PROPERTY, "1500");
            assertEquals(Duration.ofMillis(1500), SessionPolicy.fromSystemProperties().loginCodeTtl());
            System.setProperty(SessionPolicy.LOGIN_TTL_PROPERTY, "3600000");
            assertEquals(Duration.ofSeconds(60), SessionPolicy.fromSystemProperties().loginCodeTtl());
            System.setProperty(SessionPolicy.LOGIN_TTL_PROPERTY, "soon");
            assertEquals(Duration.ofSeconds(60), SessionPolicy.fromSystemProperties().loginCodeTtl());
        } finally {
            if (before == null) {
                System.clearProperty(SessionPolicy.LOGIN_TTL_PROPERTY);
            } else {
                System.setProperty(SessionPolicy.LOGIN_TTL_PROPERTY, before);
            }
        }
    }

    private List<String> column(String sql) {
        try (Connection connection = db.connection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
