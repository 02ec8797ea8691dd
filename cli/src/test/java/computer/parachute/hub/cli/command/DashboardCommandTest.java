package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.FakeEnvironment;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.core.token.OperatorTokenExpiredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parachute dashboard}: the link is the last line; the browser opens only when asked and possible. */
class DashboardCommandTest {
    static final String LINK = "http://127.0.0.1:1939/login?code=" + "c".repeat(43);

    @TempDir
    Path root;

    private FakeEnvironment upHub() {
        FakeEnvironment env = new FakeEnvironment(root);
        env.health.up = true;
        return env;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void printsTheLinkLastAndOpensIt() {
        FakeEnvironment env = upHub();
        assertEquals(0, env.run("dashboard"));
        assertEquals(LINK, lastLine(env.stdout()));
        assertTrue(env.stdout().contains("✓ Opening the dashboard in your browser."), env.stdout());
        assertEquals(List.of(LINK), env.browser.opened);
        assertEquals(List.of("login-link"), env.ops.calls);
    }

    @Test
    void noOpenOrNoDisplayOnlyPrints() {
        FakeEnvironment env = upHub();
        assertEquals(0, env.run("dashboard", "--no-open"));
        assertEquals(LINK, lastLine(env.stdout()));
        assertEquals(List.of(), env.browser.opened);

        FakeEnvironment headless = upHub();
        headless.browser.display = false;
        assertEquals(0, headless.run("dashboard"));
        assertEquals(LINK, lastLine(headless.stdout()));
        assertEquals(List.of(), headless.browser.opened);
    }

    @Test
    void aBrowserThatCannotStartIsAWarningAndTheLinkStillPrints() {
        FakeEnvironment env = upHub();
        env.browser.opens = false;
        assertEquals(0, env.run("dashboard"));
        assertEquals(LINK, lastLine(env.stdout()));
        assertTrue(env.stderr().contains("⚠ could not start a browser"), env.stderr());
    }

    @Test
    void aHubThatIsDownIsOneLineAndExitOne() {
        FakeEnvironment env = new FakeEnvironment(root);
        assertEquals(1, env.run("dashboard"));
        assertEquals("✗ the hub isn't running on port 1939 — start it with `parachute start hub`, then run `parachute dashboard` again\n",
                env.stderr());
        assertEquals("", env.stdout());
        assertEquals(List.of(), env.ops.calls);
    }

    @Test
    void aMissingOrExpiredOrRefusedTokenIsOneActionableLine() {
        FakeEnvironment expired = upHub();
        expired.ops.tokenFailure = new OperatorTokenExpiredException();
        assertEquals(1, expired.run("dashboard"));
        assertTrue(expired.stderr().startsWith("✗ ") && expired.stderr().contains("parachute auth rotate-operator"), expired.stderr());
        assertEquals(1, expired.stderr().lines().count(), expired.stderr());

        FakeEnvironment refused = upHub();
        refused.ops.linkFailure = new ModuleOpHttpException(401, "invalid_token", "token revoked");
        assertEquals(1, refused.run("dashboard"));
        assertEquals("✗ the hub refused the operator token (invalid_token: token revoked) — run `parachute auth rotate-operator`, then `parachute dashboard` again\n",
                refused.stderr());

        FakeEnvironment vanished = upHub();
        vanished.ops.linkFailure = new ModuleOpHttpException(0, "request_failed", "refused");
        assertEquals(1, vanished.run("dashboard"));
        assertTrue(vanished.stderr().contains("the hub isn't running"), vanished.stderr());
    }
}
