package computer.parachute.hub.cli.it;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code parachute doctor} on homes broken for real, through the real CLI jar: each finding names the problem and
 * the fix, the exit code follows the worst verdict, and {@code --fix --yes} repairs what it claims to (and touches
 * nothing it does not: a malformed services.json and a squatter are reported, never "fixed").
 */
class DoctorIT {
    @TempDir
    Path root;
    private CliProcess cli;

    @AfterEach
    void tearDown() {
        if (cli != null) {
            cli.killRecordedHub();
        }
    }

    private CliProcess cli() throws IOException {
        Path home = Files.createDirectories(root.resolve("home"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        cli = new CliProcess(home, CliProcess.freePort());
        return cli;
    }

    @Test
    void aWorldReadableTokenIsAWarningThatFixChmods() throws Exception {
        CliProcess cli = cli();
        assertEquals(0, cli.run("auth", "rotate-operator").code());
        Path token = cli.home.resolve("operator.token");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));

        CliProcess.Result doctor = cli.run("doctor");
        assertTrue(doctor.stdout().contains("⚠ token.mode  " + token + " is rw-r--r--"), doctor.all());
        assertTrue(doctor.stdout().contains("fix: chmod 600 " + token), doctor.all());
        assertEquals(0, doctor.code(), "warnings only: " + doctor.all());

        CliProcess.Result fixed = cli.run("doctor", "--fix", "--yes");
        assertTrue(fixed.stdout().contains("✓ fixed token.mode: chmod 600 " + token), fixed.all());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        assertTrue(fixed.stdout().contains("✓ token.mode"), fixed.all());
    }

    @Test
    void anExpiredTokenFailsAndFixRotatesIt() throws Exception {
        CliProcess cli = cli();
        assertEquals(0, cli.run("auth", "rotate-operator").code()); // hub.db with its signing key
        Path token = cli.home.resolve("operator.token");
        Instant expired = Instant.now().minus(Duration.ofDays(1));
        Files.writeString(token, JWT.create().withIssuer("http://127.0.0.1:" + cli.hubPort).withJWTId("expired")
                .withExpiresAt(Date.from(expired)).sign(Algorithm.HMAC256("not-the-hub-key")));

        CliProcess.Result doctor = cli.run("doctor", "--json");
        assertEquals(1, doctor.code(), doctor.all());
        assertTrue(doctor.stdout().startsWith("{") && doctor.stdout().contains("\"checks\""), doctor.all());
        assertTrue(doctor.stdout().contains("\"id\": \"token.claims\"") && doctor.stdout().contains("\"status\": \"fail\"")
                && doctor.stdout().contains("the operator token expired at"), doctor.all());

        CliProcess.Result fixed = cli.run("doctor", "--fix", "--yes");
        assertTrue(fixed.stdout().contains("✓ fixed token.claims: ran `parachute auth rotate-operator`"), fixed.all());
        assertTrue(fixed.stdout().contains("✓ token.claims  operator token valid until"), fixed.all());
        assertTrue(JWT.decode(Files.readString(token).strip()).getExpiresAtAsInstant().isAfter(Instant.now()));
        assertEquals(0, fixed.code(), fixed.all());
    }

    @Test
    void aMalformedServicesFileIsNamedAndLeftAlone() throws Exception {
        CliProcess cli = cli();
        String broken = "{\"services\": [{\"name\": \"vault\", \"port\": \"high\", \"paths\": [], \"health\": \"/health\", \"version\": \"1\"}]}";
        Path services = cli.home.resolve("services.json");
        Files.writeString(services, broken);

        CliProcess.Result doctor = cli.run("doctor", "--fix", "--yes");
        assertEquals(1, doctor.code(), doctor.all());
        assertTrue(doctor.stdout().lines().anyMatch(l -> l.startsWith("✗ services.json  ") && l.contains("port")), doctor.all());
        assertTrue(doctor.stdout().contains("fix: edit " + services), doctor.all());
        assertEquals(broken, Files.readString(services), "the operator's file is never rewritten");
    }

    @Test
    void aSquatterAMissingBinaryAndADriftedPortAreFound() throws Exception {
        CliProcess cli = cli();
        int squatted = CliProcess.freePort();
        int wanted = CliProcess.freePort();
        int drifted = CliProcess.freePort();
        Path vault = module("vault", squatted, "python3");
        Path notes = module("notes", CliProcess.freePort(), "no-such-binary-parachute-test");
        Path scribe = module("scribe", wanted, "python3");
        Files.writeString(cli.home.resolve("services.json"), "{\"services\": [" + row("vault", squatted, vault) + ","
                + row("notes", portOf(notes), notes) + "," + row("scribe", drifted, scribe) + "]}");

        try (ServerSocket squatter = new ServerSocket(squatted, 1, InetAddress.getLoopbackAddress())) {
            CliProcess.Result doctor = cli.run("doctor");
            assertEquals(1, doctor.code(), doctor.all());
            long self = ProcessHandle.current().pid();
            assertTrue(doctor.stdout().contains("✗ module.vault.port  port " + squatted + " is held by pid " + self), doctor.all());
            assertTrue(doctor.stdout().contains("✗ module.notes.command  \"no-such-binary-parachute-test\" (notes's start command) is not on its PATH"),
                    doctor.all());
            assertTrue(doctor.stdout().contains("⚠ module.scribe.drift  services.json gives scribe port " + drifted
                    + ", its module.json asks for " + wanted), doctor.all());

            CliProcess.Result fixed = cli.run("doctor", "--fix", "--yes");
            assertTrue(fixed.stdout().contains("✓ fixed module.scribe.drift: ran `parachute install " + scribe + " --no-start`"), fixed.all());
            assertTrue(Files.readString(cli.home.resolve("services.json")).contains("\"port\": " + wanted), fixed.all());
            assertTrue(fixed.stdout().contains("✓ module.scribe.drift"), fixed.all());
            assertTrue(fixed.stdout().contains("✗ module.vault.port"), "a squatter is never signalled: " + fixed.all());
            assertTrue(!squatter.isClosed());
        }
    }

    @Test
    void aCrashedModuleIsRestartedOnceItsCauseIsGone() throws Exception {
        CliProcess cli = cli();
        int port = CliProcess.freePort();
        Path dir = module("vault", port, "python3");
        Files.writeString(cli.home.resolve("services.json"), "{\"services\": [" + row("vault", port, dir) + "]}");
        Path env = Files.createDirectories(cli.home.resolve("vault")).resolve(".env");
        Files.writeString(env, "CRASH_AT_START=1\n");
        assertEquals(0, cli.run("start", "hub").code());

        CliProcess.Result doctor = awaitCrashed(cli);
        assertTrue(doctor.stdout().contains("✓ hub.reachable  hub v"), doctor.all());
        assertTrue(doctor.stdout().contains("fix: parachute restart vault"), doctor.all());

        Files.writeString(env, ""); // the operator removed the cause
        CliProcess.Result fixed = cli.run("doctor", "--fix", "--yes");
        assertTrue(fixed.stdout().contains("✓ fixed module.vault.state: ran `parachute restart vault`"), fixed.all());
        assertTrue(fixed.stdout().contains("✓ module.vault.state  vault is running"), fixed.all());
        assertTrue(fixed.stdout().contains("✓ module.vault.port  port " + port + " is held by vault"), fixed.all());
        assertEquals(0, fixed.code(), fixed.all());
        assertEquals(0, cli.run("stop", "hub").code());
    }

    private static CliProcess.Result awaitCrashed(CliProcess cli) throws Exception {
        CliProcess.Result doctor = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            doctor = cli.run("doctor");
            if (doctor.stdout().contains("✗ module.vault.state  vault is crashed")) {
                assertEquals(1, doctor.code(), doctor.all());
                return doctor;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("vault never reported crashed: " + doctor.all());
    }

    private Path module(String name, int port, String binary) throws IOException {
        Path dir = Files.createDirectories(root.resolve("modules").resolve(name));
        Files.createDirectories(dir.resolve(".parachute"));
        Files.writeString(dir.resolve("server.py"), "import os, sys\nif os.environ.get('CRASH_AT_START'): sys.exit(3)\n"
                + ModuleOpsEndToEndIT.SERVER);
        Files.writeString(dir.resolve(".parachute/module.json"), "{\"name\":\"" + name + "\",\"port\":" + port
                + ",\"paths\":[\"/" + name + "\"],\"health\":\"/health\",\"startCmd\":[\"" + binary + "\",\"server.py\"]}");
        return dir;
    }

    private static int portOf(Path module) throws IOException {
        String json = Files.readString(module.resolve(".parachute/module.json"));
        return Integer.parseInt(json.replaceAll(".*\"port\":(\\d+).*", "$1").strip());
    }

    private static String row(String name, int port, Path dir) {
        return "{\"name\": \"" + name + "\", \"port\": " + port + ", \"paths\": [\"/" + name + "\"], \"health\": \"/health\","
                + " \"version\": \"0.0.1\", \"installDir\": \"" + dir + "\"}";
    }
}
