package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import computer.parachute.hub.cli.hub.UnitReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** completion, serve, hub install/uninstall and the auth verbs. */
class MiscVerbsTest {
    @TempDir
    Path root;

    @Test
    void completionScriptIsValidBashAndListsTheTree() throws Exception {
        FakeEnvironment env = new FakeEnvironment(root);
        assertEquals(0, env.run("completion", "bash"));
        String script = env.stdout();
        for (String word : List.of("start", "status", "logs", "hub)", "install uninstall", "rotate-operator", "--json", "--follow", "--scope-set")) {
            assertTrue(script.contains(word), word + " in\n" + script);
        }
        Path file = root.resolve("parachute.bash");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), new String(bash.getInputStream().readAllBytes()));
        assertEquals(2, new FakeEnvironment(root).run("completion", "zsh"));
    }

    @Test
    void serveRunsTheLauncherInTheForegroundAndForwardsItsExitCode() {
        FakeEnvironment env = new FakeEnvironment(root);
        List<List<String>> runs = new ArrayList<>();
        env.foreground = (argv, childEnv) -> {
            runs.add(argv);
            assertEquals(root.toAbsolutePath().normalize().toString(), childEnv.get("PARACHUTE_HOME"));
            return 7;
        };
        assertEquals(7, env.run("serve", "--launcher", "/tmp/l.jar"));
        List<String> argv = runs.get(0);
        assertEquals(List.of("-jar", "/tmp/l.jar"), argv.subList(argv.size() - 2, argv.size()));
        assertTrue(argv.contains("-XX:+UseSerialGC"));
    }

    @Test
    void servePrintCommandPrintsTheArgvWithoutRunningIt() {
        FakeEnvironment env = new FakeEnvironment(root);
        env.foreground = (argv, childEnv) -> {
            throw new AssertionError("must not run the hub: " + argv);
        };
        assertEquals(0, env.run("serve", "--print-command", "--launcher", "/tmp/l.jar"));
        List<String> lines = List.of(env.stdout().split("\n"));
        assertTrue(lines.get(0).endsWith("/bin/java"), lines.toString());
        assertEquals(List.of("-jar", "/tmp/l.jar"), lines.subList(lines.size() - 2, lines.size()));
        assertTrue(lines.contains("-XX:+UseSerialGC"), lines.toString());
    }

    /** serve runs the hub on PARACHUTE_JAVA's JVM with the cache that JVM reads, and says so on stderr. */
    @Test
    void servePrintCommandShowsTheChosenJvmAndItsCache() throws Exception {
        Path jdk = root.resolve("jdk-25");
        Path javaBin = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(javaBin, "#!/bin/sh\n");
        Files.setPosixFilePermissions(javaBin, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path jar = Files.writeString(root.resolve("launcher.jar"), "jar");
        Path aot = Files.writeString(root.resolve("launcher.aot"), "aot");
        FakeEnvironment env = new FakeEnvironment(root);
        env.env.put("PARACHUTE_JAVA", jdk.toString());
        assertEquals(0, env.run("serve", "--print-command", "--launcher", jar.toString()));
        List<String> lines = List.of(env.stdout().split("\n"));
        assertEquals(javaBin.toString(), lines.get(0));
        assertTrue(lines.contains("-XX:AOTCache=" + aot), lines.toString());
        assertTrue(env.stderr().contains("hub JVM: " + javaBin + " (Java 25, PARACHUTE_JAVA)"), env.stderr());

        FakeEnvironment broken = new FakeEnvironment(root);
        broken.env.put("PARACHUTE_JAVA", root.resolve("no-such-jdk").toString());
        assertEquals(1, broken.run("serve", "--print-command", "--launcher", jar.toString()));
        assertTrue(broken.stderr().contains("PARACHUTE_JAVA=" + root.resolve("no-such-jdk")), broken.stderr());
    }

    @Test
    void hubInstallGoesThroughTheInstaller() {
        FakeEnvironment env = new FakeEnvironment(root);
        assertEquals(0, env.run("hub", "install", "--no-start"));
        assertEquals(List.of("install:/opt/parachute/launcher.jar:1939:false"), env.units.calls);
        assertTrue(env.stdout().startsWith("✓ Installed systemd user unit"));
    }

    @Test
    void hubInstallWithoutManagerSaysHowToRunTheHub() {
        FakeEnvironment env = new FakeEnvironment(root);
        env.units.installReply = new UnitReply(false, List.of("no service manager (systemd/launchd) found — run `parachute serve` in the foreground, or use a platform that provides one"));
        assertEquals(1, env.run("hub", "install"));
        assertTrue(env.stderr().startsWith("✗ no service manager (systemd/launchd) found"));
        assertTrue(env.stderr().contains("`parachute serve`"));
    }

    @Test
    void hubUninstallRemovesTheUnit() {
        FakeEnvironment env = new FakeEnvironment(root);
        assertEquals(0, env.run("hub", "uninstall"));
        assertEquals(List.of("remove"), env.units.calls);
    }

    @Test
    void rotateOperatorPrintsTheReferenceLines() {
        FakeEnvironment env = new FakeEnvironment(root);
        FakeAdmin admin = new FakeAdmin();
        env.tokenAdmin = admin;
        assertEquals(0, env.run("auth", "rotate-operator", "--scope-set", "auth"));
        assertEquals(List.of("rotate:auth", "close"), admin.calls);
        String out = env.stdout();
        assertTrue(out.startsWith("✓ Rotated operator token.\n  sub:        operator\n  scope_set:  auth\n"), out);
        assertTrue(out.contains("  expires_at: 2027-02-25T12:00:00Z"));
        assertTrue(out.contains("Older operator tokens stay valid"));
        assertEquals(2, new FakeEnvironment(root).run("auth", "rotate-operator", "--scope-set", "root"));
    }

    @Test
    void revokeNeedsExactlyOneTarget() {
        FakeEnvironment env = new FakeEnvironment(root);
        FakeAdmin admin = new FakeAdmin();
        env.tokenAdmin = admin;
        assertEquals(2, env.run("auth", "revoke"));
        assertEquals(2, env.run("auth", "revoke", "abc", "--all-operator"));
        assertEquals(0, env.run("auth", "revoke", "--all-operator"));
        assertEquals(1, env.run("auth", "revoke", "unknown-jti"));
        assertTrue(env.stdout().contains("✓ Revoked 3 operator token(s) and ended 2 dashboard session(s)."));
        assertTrue(env.stderr().contains("✗ no unrevoked token has jti unknown-jti"));
    }

    @Test
    void rotateKeyReportsTheNewKid() {
        FakeEnvironment env = new FakeEnvironment(root);
        env.tokenAdmin = new FakeAdmin();
        assertEquals(0, env.run("auth", "rotate-key"));
        assertTrue(env.stdout().startsWith("✓ Rotated signing key (new kid kid-2)."));
        assertTrue(env.stdout().contains("keep verifying for 24 h"), env.stdout());

        FakeEnvironment now = new FakeEnvironment(root);
        FakeAdmin admin = new FakeAdmin();
        now.tokenAdmin = admin;
        assertEquals(0, now.run("auth", "rotate-key", "--now"));
        assertEquals(List.of("rotate-key --now", "close"), admin.calls);
        assertTrue(now.stdout().endsWith("Every token signed by the old key stopped working, your operator token too:"
                + " run `parachute auth rotate-operator`.\n"), now.stdout());
    }

    static final class FakeAdmin implements OperatorTokenAdmin {
        final List<String> calls = new ArrayList<>();

        @Override
        public Rotated rotateOperator(String scopeSet) {
            calls.add("rotate:" + scopeSet);
            return new Rotated("operator", scopeSet, "/home/op/.parachute/operator.token", Instant.parse("2027-02-25T12:00:00Z"), "jti-1");
        }

        @Override
        public String rotateKey(boolean atOnce) {
            calls.add(atOnce ? "rotate-key --now" : "rotate-key");
            return "kid-2";
        }

        @Override
        public boolean revoke(String jti) throws CliFailure {
            calls.add("revoke:" + jti);
            return "jti-1".equals(jti);
        }

        @Override
        public int revokeAllOperator() {
            calls.add("revoke-all");
            return 3;
        }

        @Override
        public int endDashboardSessions() {
            calls.add("end-sessions");
            return 2;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
