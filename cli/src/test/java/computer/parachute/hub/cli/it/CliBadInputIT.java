package computer.parachute.hub.cli.it;

import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.token.CreatedVia;
import computer.parachute.hub.core.token.HubOrigins;
import computer.parachute.hub.core.token.OperatorTokenFile;
import computer.parachute.hub.core.token.ScopeSets;
import computer.parachute.hub.core.token.TokenServices;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input to the real parachute.jar against a real hub: broken, expired, foreign and loosely-permissioned
 * operator tokens, malformed registry and manifest files, bad verbs and names. Each gets one actionable line and
 * exit 1 (failure) or 2 (usage), never a stack trace, and no operator file is changed.
 */
class CliBadInputIT extends RunningHubScenario {
    private static Path token() {
        return cli.home.resolve("operator.token");
    }

    /**
     * One failure line on stderr (a usage error adds the usage line), the expected exit code, and nothing that looks
     * like a Java stack trace.
     */
    private static String oneLineFailure(CliProcess.Result result, int code) {
        assertEquals(code, result.code(), result.all());
        assertFalse(result.all().contains("Exception") || result.all().contains("\tat "), result.all());
        java.util.List<String> lines = result.stderr().lines().filter(l -> !l.isBlank() && !l.startsWith("usage: ")).toList();
        assertEquals(1, lines.size(), result.all());
        assertTrue(lines.get(0).startsWith("✗ "), result.all());
        return lines.get(0);
    }

    @Test
    void garbageAndForeignTokensAreOneLineWithTheFix() throws Exception {
        String good = Files.readString(token());
        try {
            for (String bad : new String[]{"not-a-jwt", "a.b.c", "x".repeat(10_000), "eyJhbGciOiJub25lIn0.e30."}) {
                Files.writeString(token(), bad + "\n");
                String line = oneLineFailure(cli.run("start", "vault"), 1);
                assertTrue(line.startsWith("✗ vault: ") && line.contains("parachute auth rotate-operator"), line);
            }
            Files.writeString(token(), foreignToken());
            String line = oneLineFailure(cli.run("start", "vault"), 1);
            assertTrue(line.startsWith("✗ vault: ") && line.contains("rotate-operator"), line);
        } finally {
            Files.writeString(token(), good);
        }
    }

    @Test
    void anExpiredTokenIsNamedAsExpiredNotAsA401() throws Exception {
        String good = Files.readString(token());
        try {
            Clock longAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(100)), ZoneOffset.UTC);
            try (HubDatabase db = HubDatabase.open(cli.home.resolve("hub.db"))) {
                String expired = TokenServices.over(db, longAgo).operatorTokens().mint(ScopeSets.DEFAULT,
                        "operator", HubOrigins.loopbackIssuer(cli.hubPort), CreatedVia.OPERATOR_MINT).token();
                new OperatorTokenFile(token(), w -> { }).write(expired);
            }
            String line = oneLineFailure(cli.run("start", "vault"), 1);
            assertEquals("✗ vault: your operator token has expired; run `parachute auth rotate-operator` to re-mint", line);
            new ServicesRegistry(cli.home.resolve("services.json")).upsert(ServiceEntry.of("parachute-vault", 1940,
                    java.util.List.of("/vault/default"), "/health", "0.3.1"));
            CliProcess.Result status = cli.run("status");
            assertTrue(status.all().contains("rotate-operator"), "status degrades with a note: " + status.all());
            assertFalse(status.showsARaw401(), status.all());
        } finally {
            new OperatorTokenFile(token(), w -> { }).write(good.strip());
            Files.deleteIfExists(cli.home.resolve("services.json"));
        }
    }

    @Test
    void aGroupReadableTokenWarnsWithTheChmodFixAndStillWorks() throws Exception {
        Files.setPosixFilePermissions(token(), PosixFilePermissions.fromString("rw-r--r--"));
        try {
            CliProcess.Result stop = cli.run("stop", "nothere");
            assertEquals(1, stop.code(), "not installed: " + stop.all());
            assertTrue(stop.stderr().contains("✗ nothere is not installed"), stop.all());
            assertTrue(stop.all().contains("chmod 0600 " + token()), stop.all());
        } finally {
            Files.setPosixFilePermissions(token(), PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        oneLineFailure(cli.run("frobnicate"), 2);
        oneLineFailure(cli.run("status", "--bogus"), 2);
        for (String[] args : new String[][]{{"start", "../etc"}, {"logs", "A/B"}, {"restart", "x".repeat(300)}, {"stop", "vault\tx"}, {"start", "Vault"}}) {
            String line = oneLineFailure(cli.run(args), 2);
            assertTrue(line.startsWith("✗ invalid module name"), line);
        }
    }

    @Test
    void malformedFilesAreNamedAndLeftByteIdentical() throws Exception {
        Path services = cli.home.resolve("services.json");
        Files.writeString(services, "{\"services\": [ {\"name\": oops ] }");
        byte[] before = Files.readAllBytes(services);
        try {
            CliProcess.Result status = cli.run("status");
            assertFalse(status.all().contains("\tat "), status.all());
            assertTrue(status.all().contains("services.json"), status.all());

            Path module = Files.createDirectories(root.resolve("badmodule/.parachute"));
            Files.writeString(module.resolve("module.json"), "{\"name\": \"bad\", \"port\": \"x\"}");
            String line = oneLineFailure(cli.run("install", module.getParent().toString()), 1);
            assertTrue(line.contains("services.json") || line.contains("module.json"), line);
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(services)), "services.json untouched");
        } finally {
            Files.deleteIfExists(services);
        }
    }

    /** A well-formed operator token signed by another hub's key. */
    private static String foreignToken() throws Exception {
        try (HubDatabase other = HubDatabase.open(root.resolve("other/hub.db"))) {
            return TokenServices.over(other, Clock.systemUTC()).operatorTokens().mint(ScopeSets.DEFAULT, "operator",
                    HubOrigins.loopbackIssuer(cli.hubPort), CreatedVia.OPERATOR_MINT).token();
        }
    }
}
