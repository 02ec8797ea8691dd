package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import computer.parachute.hub.core.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Child output end to end: prefixes, stderr, log file, follow, long lines, and the env a child really sees. */
class SupervisorOutputTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path temp;
    private SupervisorFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SupervisorFixture(temp, SupervisorFixture.FAST
                .withReadiness(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void twoModulesKeepStdoutAndStderrInTheirOwnLogsAndOutOfTheHubOutput() throws Exception {
        fx.supervisor.start(shell("alpha", "echo out-a; echo err-a >&2; exec sleep 30"));
        fx.supervisor.start(shell("beta", "echo out-b; echo err-b >&2; exec sleep 30"));
        Poll.require(WAIT, "four lines", () -> fx.supervisor.logs("alpha").orElseThrow().size()
                + fx.supervisor.logs("beta").orElseThrow().size() >= 4);
        assertTrue(fx.supervisor.logs("beta").orElseThrow().containsAll(List.of("out-b", "err-b")));
        List<String> lines = fx.output.lines();
        assertTrue(lines.stream().noneMatch(l -> l.contains("out-") || l.contains("err-")),
                "module lines stay out of hub.log/journald (issue 9): " + lines);
        assertEquals(List.of("out-a", "err-a"), fx.supervisor.logs("alpha").orElseThrow().stream()
                .filter(l -> l.endsWith("-a")).sorted((x, y) -> x.startsWith("out") ? -1 : 1).toList());
        Path logFile = fx.home.moduleLogFile("alpha");
        Poll.require(WAIT, "log file", () -> Files.exists(logFile));
        String written = Files.readString(logFile);
        assertTrue(written.contains("out-a\n") && written.contains("err-a\n"), written);
    }

    @Test
    void followersSeeLaterLinesAndALineWithoutNewlineIsCut() throws Exception {
        List<String> followed = new CopyOnWriteArrayList<>();
        fx.supervisor.start(fx.module("vault", "TM_NEVER_BIND", "1"));
        AutoCloseable subscription = fx.supervisor.follow("vault", followed::add).orElseThrow().subscription();
        fx.supervisor.restart("vault", fx.request("vault", fx.install("vault2"), 0, "TM_SPAM", "1"))
                .orElseThrow();
        Poll.require(WAIT, "spam done", () -> followed.contains("spam-done"));
        subscription.close();
        int longest = followed.stream().mapToInt(String::length).max().orElse(0);
        assertEquals(SupervisorSettings.MAX_LINE_BYTES, longest);
        assertTrue(fx.supervisor.logs("vault").orElseThrow().stream().mapToInt(String::length).sum()
                <= SupervisorSettings.RING_BUFFER_BYTES);
    }

    @Test
    void theChildSeesPortDotEnvAndHubOriginFromTheBuiltRequest() throws Exception {
        Files.createDirectories(fx.home.moduleDir("envy"));
        Files.writeString(fx.home.moduleEnvFile("envy"), "FROM_ENV=yes\nPORT=1\nPARACHUTE_HUB_ORIGIN=http://stale\n");
        SpawnRequest request = fx.requests().build("envy",
                List.of("sh", "-c", "echo \"$PORT|$FROM_ENV|$PARACHUTE_HUB_ORIGIN\"; exec sleep 30"), 1940,
                temp, fx.envFile("envy"), "http://127.0.0.1:1939", Map.of());
        fx.supervisor.start(request);
        Poll.require(WAIT, "env line", () -> fx.supervisor.logs("envy").orElseThrow()
                .contains("1940|yes|http://127.0.0.1:1939"));
    }

    private SpawnRequest shell(String shortName, String script) {
        return new SpawnRequest(shortName, List.of("sh", "-c", script), null, Map.of());
    }
}
