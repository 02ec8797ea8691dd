package computer.parachute.hub.core.token;

import computer.parachute.hub.core.home.HubHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HubOriginsTest {
    @TempDir
    Path dir;

    @Test
    void acceptedIssuersAreTheLoopbackAliasesPlusTheConfiguredOrigin() {
        assertEquals(Set.of("http://127.0.0.1:4000", "http://localhost:4000", "http://[::1]:4000"),
                HubOrigins.acceptedIssuers(4000, Map.of()));
        assertEquals(Set.of("http://127.0.0.1:4000", "http://localhost:4000", "http://[::1]:4000",
                "https://hub.example.org"),
                HubOrigins.acceptedIssuers(4000, Map.of("PARACHUTE_HUB_ORIGIN", " https://hub.example.org// ")));
        assertEquals(Optional.empty(), HubOrigins.configuredOrigin(Map.of("PARACHUTE_HUB_ORIGIN", " ")));
        assertEquals(Optional.empty(), HubOrigins.configuredOrigin(Map.of("PARACHUTE_HUB_ORIGIN", "///")));
    }

    @Test
    void defaultIssuerIsTheConfiguredOriginElseLoopbackOnTheRecordedPort() throws Exception {
        HubHome home = new HubHome(dir);
        assertEquals("http://127.0.0.1:1939", HubOrigins.defaultIssuer(home, Map.of()));
        Files.createDirectories(home.hubRunDir());
        Files.writeString(home.hubPortFile(), "4123\n");
        assertEquals("http://127.0.0.1:4123", HubOrigins.defaultIssuer(home, Map.of()));
        assertEquals("https://hub.example.org",
                HubOrigins.defaultIssuer(home, Map.of("PARACHUTE_HUB_ORIGIN", "https://hub.example.org/")));
        Files.writeString(home.hubPortFile(), "not a port");
        assertEquals(1939, HubOrigins.hubPort(home));
        Files.writeString(home.hubPortFile(), "70000");
        assertEquals(1939, HubOrigins.hubPort(home));
    }

    @Test
    void loopbackDetectionCoversEveryAliasAndNothingElse() {
        for (String origin : new String[] {"http://127.0.0.1:1939", "http://localhost:1939/", "http://[::1]:1939",
                "http://0.0.0.0:1939", "HTTP://LOCALHOST"}) {
            assertTrue(HubOrigins.isLoopback(origin), origin);
        }
        for (String origin : new String[] {"https://hub.example.org", "http://10.0.0.5:1939", "not a uri", ""}) {
            assertFalse(HubOrigins.isLoopback(origin), origin);
        }
    }

    /** Issue 9: a FIFO where hub.port should be gives the documented fallback at once, never a blocked reader. */
    @Test
    void aFifoHubPortFileFallsBackInsteadOfHanging() throws Exception {
        HubHome home = new HubHome(dir.resolve("fifo-home"));
        Files.createDirectories(home.hubRunDir());
        Process mkfifo = new ProcessBuilder("mkfifo", home.hubPortFile().toString()).inheritIO().start();
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        assertEquals(HubOrigins.DEFAULT_PORT, assertTimeoutPreemptively(Duration.ofSeconds(5), () -> HubOrigins.hubPort(home)));
    }

    @Test
    void loopbackHostsAreLocalhostThe127NetworkAndIpv6LoopbackLiteralsOnly() {
        for (String host : new String[] {"localhost", "127.0.0.1", "127.255.0.9", "[::1]", "[0:0:0:0:0:0:0:1]",
                "[::ffff:127.0.0.1]"}) {
            assertTrue(HubOrigins.isLoopbackHost(host), host);
        }
        for (String host : new String[] {"evil.example", "127.0.0.1.evil.example", "localhost.evil", "127.0.0.256",
                "127.1", "2130706433", "0.0.0.0", "[::]", "::1", "[fe80::1]", "[.]", "[::1%lo]", "10.0.0.1", ""}) {
            assertFalse(HubOrigins.isLoopbackHost(host), host);
        }
    }

    @Test
    void answeredHostsAreTheBoundAddressUnlessWildcardAndTheConfiguredOriginsHost() {
        assertEquals(Set.of("127.0.0.1"), HubOrigins.answeredHosts("127.0.0.1", Optional.empty()));
        assertEquals(Set.of("hub.example.org"), HubOrigins.answeredHosts("0.0.0.0",
                Optional.of("https://Hub.Example.org:8443/")));
        assertEquals(Set.of("[fd00::5]"), HubOrigins.answeredHosts("FD00::5", Optional.empty()));
        assertEquals(Set.of(), HubOrigins.answeredHosts("::", Optional.empty()));
    }
}
