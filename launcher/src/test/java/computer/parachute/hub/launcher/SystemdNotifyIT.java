package computer.parachute.hub.launcher;

import computer.parachute.hub.core.testing.FreePorts;
import computer.parachute.hub.core.testing.Poll;
import computer.parachute.hub.core.testing.ProcessReaper;
import computer.parachute.hub.core.testing.TestModules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher under a stand-in systemd (issue 12): a unix datagram socket this test owns (a python3 listener) as
 * {@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC} set. The hub sends {@code READY=1} once its API answers, a
 * {@code STATUS=} line with the modules running, {@code WATCHDOG=1} from its supervisor loop, and {@code STOPPING=1}
 * last on SIGTERM; its module never sees the notify socket. Without {@code NOTIFY_SOCKET} nothing is sent (every
 * other launcher test runs that way).
 */
class SystemdNotifyIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LISTENER = String.join("\n",
            "import socket, sys",
            "s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)",
            "s.bind(sys.argv[1])",
            "open(sys.argv[2] + '.bound', 'w').close()",
            "with open(sys.argv[2], 'a', buffering=1) as out:",
            "    while True:",
            "        data = s.recv(65536).decode()",
            "        if data != 'BARRIER=1':  # systemd-notify's wait-for-processing handshake",
            "            out.write(data.replace('\\n', '|') + '\\n')",
            "");

    @TempDir
    Path temp;
    private final ProcessReaper reaper = new ProcessReaper();

    @AfterEach
    void reap() {
        reaper.close();
    }

    @Test
    void readyStatusWatchdogThenStoppingInThatOrder() throws Exception {
        Path socket = temp.resolve("notify.sock");
        Path received = temp.resolve("notify.txt");
        Path script = temp.resolve("listener.py");
        Files.writeString(script, LISTENER);
        Process listener = reaper.track(new ProcessBuilder(TestModules.python(), script.toString(), socket.toString(),
                received.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("listener.log").toFile()).start());
        Poll.require(WAIT, "the notify listener binds", () -> Files.exists(Path.of(received + ".bound")));

        Path home = Files.createDirectories(temp.resolve("home"));
        int modulePort = FreePorts.find();
        OneModuleHome.install(home, temp.resolve("modules"), "vault", modulePort);
        int hubPort = FreePorts.find();
        try (HubProcess hub = HubProcess.start(home, Integer.toString(hubPort), hubPort,
                Map.of("NOTIFY_SOCKET", socket.toString(), "WATCHDOG_USEC", "2000000"))) {
            reaper.track(hub.process);
            Poll.require(WAIT, "READY=1", () -> messages(received).stream().anyMatch(m -> m.contains("READY=1")));
            hub.awaitHealthy(); // already answering: READY=1 came after the hub's own /health probe
            Poll.require(WAIT, "a watchdog ping and the module count", () -> {
                List<String> seen = messages(received);
                return seen.stream().anyMatch(m -> m.contains("WATCHDOG=1"))
                        && seen.stream().anyMatch(m -> m.contains("STATUS=1 of 1 modules running"));
            });
            ProcessHandle module = hub.process.toHandle().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains(TestModules.SCRIPT_NAME)).findFirst()
                    .orElseThrow(() -> new AssertionError("no module process under the hub"));
            String environ = Files.readString(Path.of("/proc", Long.toString(module.pid()), "environ"), StandardCharsets.UTF_8);
            assertFalse(environ.contains("NOTIFY_SOCKET="), "a module must not inherit the hub's notify socket");
            assertFalse(environ.contains("WATCHDOG_USEC="), "nor its watchdog");

            hub.process.destroy(); // SIGTERM, as systemd stops it
            assertEquals(0, hub.awaitExit(), hub.output());
        }
        List<String> all = messages(received);
        int ready = indexOf(all, "READY=1");
        int ping = indexOf(all, "WATCHDOG=1");
        int stopping = indexOf(all, "STOPPING=1");
        assertTrue(ready == 0, "READY=1 is the first message: " + all);
        assertTrue(all.get(0).contains("STATUS=listening on port " + hubPort), all.toString());
        assertTrue(ready < ping && ping < stopping, "order READY < WATCHDOG < STOPPING: " + all);
        assertEquals(all.size() - 1, stopping, "STOPPING=1 is the last message: " + all);
        listener.destroy();
    }

    private static int indexOf(List<String> messages, String assignment) {
        for (int index = 0; index < messages.size(); index++) {
            if (List.of(messages.get(index).split("\\|")).contains(assignment)) {
                return index;
            }
        }
        return -1;
    }

    private static List<String> messages(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).collect(Collectors.toList()) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
