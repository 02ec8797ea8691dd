package computer.parachute.hub.launcher;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unit's {@code ExecStopPost} after a hub crash: the module the {@code kill -9}'d hub left running gets SIGTERM
 * (it records the signal it saw) and exits; a second run, as after a clean stop, finds nothing to do.
 */
class ReapModulesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MODULE = String.join("\n",
            "import os, signal, socket, sys, time",
            "def term(signum, frame):",
            "    open(os.environ['MARKER'], 'w').write(signal.Signals(signum).name)",
            "    sys.exit(0)",
            "signal.signal(signal.SIGTERM, term)",
            "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
            "s.bind(('127.0.0.1', int(os.environ['PORT']))); s.listen()",
            "while True: time.sleep(1)",
            "");

    @TempDir
    Path temp;
    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void aModuleLeftByAKilledHubGetsSigtermThenNothingIsLeftToDo() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path dir = Files.createDirectories(temp.resolve("modules/keeper/.parachute")).getParent();
        Files.writeString(dir.resolve("keeper.py"), MODULE);
        Path marker = temp.resolve("signal.txt");
        int port = FreePorts.find();
        Files.writeString(dir.resolve(".parachute/module.json"), "{\"name\": \"keeper\", \"port\": " + port
                + ", \"paths\": [\"/keeper\"], \"health\": \"/health\", \"startCmd\": [\"" + TestModules.python()
                + "\", \"keeper.py\"]}");
        Files.writeString(home.resolve("services.json"), "{\"services\": [{\"name\": \"keeper\", \"port\": " + port
                + ", \"paths\": [\"/keeper\"], \"health\": \"/health\", \"version\": \"0.0.1\", \"installDir\": \"" + dir + "\"}]}");
        Files.writeString(Files.createDirectories(home.resolve("keeper")).resolve(".env"), "MARKER=" + marker + "\n");

        int hubPort = FreePorts.find();
        long modulePid;
        try (HubProcess hub = HubProcess.start(home, Integer.toString(hubPort), hubPort, Map.of())) {
            reaper.track(hub.process);
            hub.awaitHealthy();
            Poll.require(WAIT, "the module listening", () -> listening(port));
            modulePid = hub.process.toHandle().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("keeper.py")).findFirst()
                    .orElseThrow().pid();
            reaper.track(modulePid);
            hub.process.destroyForcibly();
            hub.awaitExit();
        }
        assertTrue(ProcessHandle.of(modulePid).map(ProcessHandle::isAlive).orElse(false), "the module outlives a kill -9 of its hub");

        String first = reapModules(home);
        assertTrue(first.contains("stopped keeper (pid " + modulePid + ")"), first);
        assertEquals("SIGTERM", Files.readString(marker, StandardCharsets.UTF_8), "a TERM first, not a bare KILL");
        Poll.require(WAIT, "the module gone", () -> ProcessHandle.of(modulePid).map(p -> !p.isAlive()).orElse(true));

        assertEquals("", reapModules(home), "nothing recorded after the reap: a clean stop's ExecStopPost is a no-op");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String reapModules(Path home) throws Exception {
        Path out = Files.createTempFile(temp, "reap", ".txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", HubProcess.launcherJar().toString(), "computer.parachute.hub.app.ReapModules"))
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PARACHUTE_HOME", home.toString());
        Process process = reaper.track(builder.start());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ReapModules did not finish");
        assertEquals(0, process.exitValue(), Files.readString(out));
        return Files.readString(out, StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("parachute hub:")).reduce("", (a, b) -> a + b + "\n");
    }
}
