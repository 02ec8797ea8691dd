package computer.parachute.hub.cli.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detached hub's own session with setsid, with perl where setsid is missing (macOS), and a plain spawn when
 * neither is on PATH. Real processes; the session id is read from /proc, so this runs on Linux only (the CI image),
 * where /proc/<pid>/stat is the way to see a process's session.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads each process's session from /proc")
class SetsidLauncherTest {
    @TempDir
    Path dir;

    @Test
    void withSetsidOnPathTheChildLeadsItsOwnSession() throws Exception {
        Path bin = binWith("setsid");
        assertEquals(List.of(bin.resolve("setsid").toString()), new SetsidLauncher(bin.toString()).newSessionPrefix());
        assertOwnSession(new SetsidLauncher(bin.toString()), true);
    }

    @Test
    void withoutSetsidPerlStillGivesTheChildItsOwnSession() throws Exception {
        Path bin = binWith("perl");
        List<String> prefix = new SetsidLauncher(bin.toString()).newSessionPrefix();
        assertEquals(bin.resolve("perl").toString(), prefix.get(0), prefix.toString());
        assertOwnSession(new SetsidLauncher(bin.toString()), true);
    }

    @Test
    void withNeitherTheChildIsSpawnedAsIs() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(List.of(), new SetsidLauncher(empty.toString() + ":" + dir.resolve("missing")).newSessionPrefix());
        assertOwnSession(new SetsidLauncher(empty.toString()), false);
    }

    /** A bin directory holding only a link to the real {@code program} (found on this machine's PATH). */
    private Path binWith(String program) throws Exception {
        Path real = null;
        for (String d : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(d, program);
            if (Files.isExecutable(candidate)) {
                real = candidate;
                break;
            }
        }
        assertTrue(real != null, program + " must be installed for this test (CI installs it)");
        Path bin = Files.createDirectories(dir.resolve("bin-" + program));
        Files.createSymbolicLink(bin.resolve(program), real);
        return bin;
    }

    private void assertOwnSession(SetsidLauncher launcher, boolean expected) throws Exception {
        Process child = launcher.spawn(List.of("/bin/sleep", "30"), Map.of(), dir.resolve("log/child.log"));
        try {
            // setsid/perl call setsid() and then exec in place, within ms: wait (bounded) for both to have happened
            long session = -1;
            for (int i = 0; i < 100 && !(session == child.pid() && runsSleep(child.pid())); i++) {
                session = sessionOf(child.pid());
                TimeUnit.MILLISECONDS.sleep(20);
            }
            if (expected) {
                assertEquals(child.pid(), session, "the hub's pid leads its own session");
                assertTrue(runsSleep(child.pid()), "exec'd in place: the recorded pid is the program's own");
            } else {
                assertNotEquals(child.pid(), session);
                assertEquals(sessionOf(ProcessHandle.current().pid()), session, "shares the CLI's session");
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean runsSleep(long pid) throws Exception {
        return Files.readString(Path.of("/proc/" + pid + "/cmdline")).startsWith("/bin/sleep");
    }

    private static long sessionOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]); // state ppid pgrp session
    }
}
