package computer.parachute.hub.cli.booted;

import computer.parachute.hub.core.testing.Poll;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static computer.parachute.hub.cli.booted.BootedHub.CLI;
import static computer.parachute.hub.cli.booted.BootedHub.HUB;
import static computer.parachute.hub.cli.booted.BootedHub.MODULE;
import static computer.parachute.hub.cli.booted.BootedHub.RESTARTED;
import static computer.parachute.hub.cli.booted.BootedHub.UNIT;
import static computer.parachute.hub.cli.booted.BootedHub.UP;
import static computer.parachute.hub.cli.booted.BootedHub.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hub's unit arm under a real systemd (issue 12, "What a real systemd showed"): a Debian 12 tree booted with
 * {@code systemd-nspawn -b} ({@link BootedContainer}, {@link BootedHub}), the host's JDK and the built jars
 * bind-mounted read-only, and the real {@code parachute} CLI run inside as root, step by step: {@code hub install
 * --no-start}, {@code start hub} (Type=notify), module verbs on a real Python http.server module, {@code status} with
 * systemd's MainPID, six {@code restart hub} in a row, {@code kill -9} of the hub, {@code logs hub} from journald, a
 * reboot, {@code stop} (with a daemon that escaped the hub's proof), the crash-loop ceiling, {@code hub uninstall}.
 * {@link BootedUserUnitIT} does the user arm. Skipped only where nspawn cannot run at all; the tree is built once
 * (~1-2 min) and cached in {@code ~/.cache/parachute-it} ({@code PARACHUTE_IT_CACHE}).
 */
class BootedSystemdIT extends BootedScenario {
    private static final String UNIT_FILE = "/etc/systemd/system/" + UNIT;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theHubUnitUnderARealSystemd() throws Exception {
        long started = System.nanoTime();
        boot("system");
        installWithoutStarting();
        startThroughSystemd();
        moduleVerbs();
        statusShowsMainPid();
        manualRestartsWaitForReadiness();
        killNineIsRestartedAndTheModuleGetsTerm();
        logsHubFromJournald();
        reboot();
        stopSweepsWhatEscapedTheHub();
        crashLoopCeiling();
        BootedContainer.Result uninstall = box.ok(CLI, "hub", "uninstall");
        assertTrue(uninstall.stdout().contains("Removed systemd system unit " + UNIT), uninstall.all());
        assertFalse(box.exec("test", "-e", UNIT_FILE).code() == 0);
        System.out.printf("[booted-systemd] system unit scenario done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Enabled for boot, not running; a deliberate PATH, not the installing shell's; systemd-analyze verify clean. */
    private void installWithoutStarting() throws IOException, InterruptedException {
        String shellPath = "/root/only-in-this-shell:" + BootedContainer.PATH;
        BootedContainer.Result install = box.ok("env", "PATH=" + shellPath, CLI, "hub", "install", "--no-start");
        assertTrue(install.stdout().contains("starts on boot (not started now"), install.all());
        assertEquals("enabled", box.exec("systemctl", "is-enabled", UNIT).stdout().strip());
        assertEquals("inactive", box.exec("systemctl", "is-active", UNIT).stdout().strip());
        String unitFile = box.ok("cat", UNIT_FILE).stdout();
        String unitPath = unitFile.lines().filter(l -> l.startsWith("Environment=PATH=")).findFirst()
                .orElseThrow(() -> new AssertionError("no PATH in the unit:\n" + unitFile))
                .substring("Environment=PATH=".length());
        assertFalse(unitPath.contains("only-in-this-shell"), unitFile);
        assertTrue(install.stdout().contains("PATH for the hub and its modules: " + unitPath), install.all());
        BootedContainer.Result verify = box.exec("systemd-analyze", "verify", UNIT_FILE);
        assertEquals(0, verify.code(), verify.all());
        assertFalse(verify.all().contains(UNIT), "systemd-analyze verify has something to say: " + verify.all());
    }

    /** Type=notify: systemd calls the unit active only once the hub said READY=1. */
    private void startThroughSystemd() throws IOException, InterruptedException {
        BootedContainer.Result start = box.ok(CLI, "start", "hub");
        assertTrue(start.stdout().contains("✓ hub is up"), start.all());
        assertEquals("active", property("ActiveState"));
        assertEquals("notify", property("Type"));
        assertTrue(hub.answers(HUB + "/health"), "start hub returns once /health answers");
    }

    /** A real Python http.server module, its {@code python3} found on the unit's PATH. */
    private void moduleVerbs() throws IOException, InterruptedException {
        BootedContainer.Result registered = box.ok(CLI, "install", "/srv/hello");
        assertTrue(registered.stdout().contains("registered hello"), registered.all());
        Poll.require(UP, "the hub starts the module", () -> hub.answers(MODULE + "/health"));
        long first = hub.modulePid();
        assertTrue(box.ok(CLI, "stop", "hello").stdout().contains("✓ hello stopped."));
        assertFalse(hub.answers(MODULE + "/health"), "stop returns after the module has exited");
        assertTrue(hub.signalMarks().contains("TERM " + first), "the hub stops a module with SIGTERM: " + hub.signalMarks());
        assertTrue(box.ok(CLI, "start", "hello").stdout().contains("✓ hello started."));
        long second = hub.modulePid();
        assertTrue(box.ok(CLI, "restart", "hello").stdout().contains("✓ hello restarted."));
        assertNotEquals(second, hub.modulePid());
    }

    private void statusShowsMainPid() throws IOException, InterruptedException {
        JsonObject row = status().getJsonObject("hub");
        assertEquals("active", row.getString("state"), row.toString());
        assertEquals(Long.parseLong(property("MainPID")), row.getJsonNumber("pid").longValue(), row.toString());
        assertTrue(row.containsKey("uptime_seconds") && !row.isNull("uptime_seconds"), row.toString());
        assertEquals("systemd", row.getString("source"), row.toString());
    }

    /** Six within a minute: each returns once the hub answers; none counts toward StartLimitBurst=5. */
    private void manualRestartsWaitForReadiness() throws IOException, InterruptedException {
        for (int i = 1; i <= 6; i++) {
            String before = property("MainPID");
            BootedContainer.Result restart = box.ok(CLI, "restart", "hub");
            assertTrue(restart.stdout().contains("✓ hub restarted"), "restart " + i + ": " + restart.all());
            assertTrue(hub.answers(HUB + "/health"), "restart " + i + " returned before /health answered");
            assertNotEquals(before, property("MainPID"), "restart " + i);
            assertFalse(status().getBoolean("failing"), "status right after restart " + i);
        }
        assertEquals("active", property("ActiveState"));
        Poll.require(UP, "the restarted hub boots the module", () -> hub.answers(MODULE + "/health"));
    }

    /** Restart= brings the hub back; its module gets SIGTERM and a grace (ExecStopPost), not systemd's SIGKILL. */
    private void killNineIsRestartedAndTheModuleGetsTerm() throws IOException, InterruptedException {
        long orphan = hub.modulePid();
        String crashed = property("MainPID");
        long restarts = Long.parseLong(property("NRestarts"));
        box.ok("sh", "-c", "kill -9 " + crashed);
        Poll.require(RESTARTED, "systemd restarts the killed hub", () -> {
            String main = propertyOrEmpty("MainPID");
            return !main.isEmpty() && !main.equals("0") && !main.equals(crashed)
                    && "active".equals(propertyOrEmpty("ActiveState")) && hub.answers(HUB + "/health");
        });
        assertEquals(restarts + 1, Long.parseLong(property("NRestarts")));
        String unitLog = unitLog();
        assertTrue(hub.signalMarks().contains("TERM " + orphan),
                "the crashed hub's module got SIGTERM: " + hub.signalMarks() + "\n" + unitLog);
        assertFalse(unitLog.contains("Killing process " + orphan + " (python3) with signal SIGKILL"), unitLog);
        assertFalse(unitLog.contains("A restricted method"), "every JVM of the unit may load sqlite's native code:\n" + unitLog);
        Poll.require(UP, "the new hub boots the module again", () -> hub.answers(MODULE + "/health"));
        assertNotEquals(orphan, hub.modulePid());
    }

    /** journald's lines for the unit (a unit's hub never writes hub/logs/hub.log). */
    private void logsHubFromJournald() throws IOException, InterruptedException {
        BootedContainer.Result logs = box.ok(CLI, "logs", "hub", "-n", "300");
        assertTrue(logs.stdout().contains("Main process exited, code=killed, status=9/KILL"), logs.all());
        assertTrue(logs.stdout().contains("parachute hub: listening on " + HUB), logs.all());
        assertFalse(box.exec("test", "-e", "/root/.parachute/hub/logs/hub.log").code() == 0);
    }

    /** The enabled unit starts the hub at boot, and the hub boots its module. */
    private void reboot() throws IOException, InterruptedException {
        long rebooting = System.nanoTime();
        assertTrue(hub.reboot(), "an orderly poweroff with the hub running");
        box = hub.container();
        Poll.require(UP, "the hub unit started at boot",
                () -> "active".equals(propertyOrEmpty("ActiveState")) && hub.answers(HUB + "/health"));
        Poll.require(UP, "the hub boots its module after the reboot", () -> hub.answers(MODULE + "/health"));
        System.out.printf("[booted-systemd] rebooted, hub and module up in %.1f s%n", (System.nanoTime() - rebooting) / 1e9);
    }

    /**
     * The hub stops its module (SIGTERM); a daemon that escaped the hub's proof is still in the unit's cgroup, and
     * ExecStopPost's sweep ends it (with KillMode=process systemd itself would not).
     */
    private void stopSweepsWhatEscapedTheHub() throws IOException, InterruptedException {
        long last = hub.modulePid();
        long escaped = json(hub.get(MODULE + "/escape")).getJsonNumber("escaped").longValue();
        assertEquals(0, box.exec("test", "-e", "/proc/" + escaped).code(), "the escaped daemon runs");
        assertTrue(box.ok(CLI, "stop").stdout().contains("✓ hub stopped"));
        assertEquals("inactive", property("ActiveState"));
        assertEquals("success", property("Result"));
        assertFalse(hub.answers(MODULE + "/health"));
        assertTrue(hub.signalMarks().contains("TERM " + last), hub.signalMarks());
        assertEquals(List.of(), hub.moduleProcesses(), "no module process outlives the stopped unit");
        assertFalse(box.exec("test", "-e", "/proc/" + escaped).code() == 0, "the escaped daemon outlived the unit");
        String swept = unitLog();
        assertTrue(swept.contains("stopped pid " + escaped + " (/usr/bin/sleep 600), left in the hub unit's cgroup"),
                "swept by ExecStopPost:\n" + swept);
    }

    /**
     * A hub that cannot bind its port crashes until StartLimitBurst stops systemd (RestartSec shortened by a drop-in,
     * so five crashes take seconds); {@code start hub} names the cause while it lasts and, once it is gone, clears
     * the tripped ceiling by itself.
     */
    private void crashLoopCeiling() throws IOException, InterruptedException {
        String dropIns = "/etc/systemd/system/" + UNIT + ".d";
        box.ok("sh", "-c", "mkdir -p " + dropIns + " && printf '[Service]\\nRestartSec=200ms\\n' > " + dropIns
                + "/it-fast-restart.conf && systemctl daemon-reload");
        box.ok("systemd-run", "--unit=squatter", "--property=Type=exec", "python3", "-c",
                "import socket, time; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); "
                        + "s.bind(('127.0.0.1', 1939)); s.listen(); time.sleep(600)");
        Poll.require(UP, "the squatter holds the hub's port", () -> hub.answersTcp(1939));
        box.ok("systemctl", "start", "--no-block", UNIT);
        // systemd 252 keeps Result=exit-code when it refuses an automatic restart; its log says why
        Poll.require(RESTARTED, "StartLimitBurst stops the crash loop", () -> "failed".equals(propertyOrEmpty("ActiveState"))
                && unitLogOrEmpty().contains("Start request repeated too quickly"));
        BootedContainer.Result blocked = box.exec(CLI, "start", "hub");
        assertEquals(1, blocked.code(), blocked.all());
        assertTrue(blocked.all().contains("hub port 1939 is already in use"), "the cause, from the unit's log: " + blocked.all());
        box.ok("systemctl", "stop", "squatter");
        box.ok("systemctl", "stop", UNIT); // its own crash loop, restarted by the failed start
        BootedContainer.Result cleared = box.exec(CLI, "start", "hub");
        assertEquals(0, cleared.code(), "start hub clears a tripped ceiling: " + cleared.all());
        assertTrue(hub.answers(HUB + "/health"));
        box.ok("sh", "-c", "rm -r " + dropIns + " && systemctl daemon-reload");
        assertTrue(box.ok(CLI, "stop").stdout().contains("✓ hub stopped"));
    }

    private JsonObject status() throws IOException, InterruptedException {
        return json(box.ok(CLI, "status", "--json").stdout());
    }

    private String property(String name) throws IOException, InterruptedException {
        return box.unitProperty(UNIT, name);
    }

    private String propertyOrEmpty(String name) {
        return BootedHub.orEmpty(() -> property(name));
    }

    private String unitLog() throws IOException, InterruptedException {
        return box.ok("journalctl", "-u", UNIT, "--no-pager").stdout();
    }

    private String unitLogOrEmpty() {
        return BootedHub.orEmpty(this::unitLog);
    }
}
