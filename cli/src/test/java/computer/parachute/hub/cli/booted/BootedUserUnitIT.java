package computer.parachute.hub.cli.booted;

import computer.parachute.hub.core.testing.Poll;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.ArrayList;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user arm under a real systemd (see {@link BootedSystemdIT} for the container): a lingering user's own unit
 * ({@code ~/.config/systemd/user}, {@code systemctl --user}), installed and driven by that user; linger turned on by
 * root beforehand, as an admin would. Install (no linger warning, no network-online.target, verify clean), a module,
 * {@code status} with the user manager's MainPID, {@code kill -9} ({@code Restart=}; the module gets SIGTERM), a hung
 * hub (the watchdog aborts it; the module gets SIGTERM), {@code logs hub} from the user's journal, stop, uninstall.
 */
class BootedUserUnitIT extends BootedScenario {
    private static final String USER = "op";
    private static final String UNIT_FILE = "/home/" + USER + "/.config/systemd/user/" + UNIT;
    private String uid;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aLingeringUsersOwnUnit() throws Exception {
        long started = System.nanoTime();
        boot("user");
        box.ok("useradd", "--create-home", USER);
        uid = box.ok("id", "-u", USER).stdout().strip();
        box.ok("loginctl", "enable-linger", USER);
        Poll.require(UP, "the user's manager runs (linger)", () -> "active".equals(
                BootedHub.orEmpty(() -> box.unitProperty("user@" + uid + ".service", "ActiveState"))));
        install();
        moduleAndStatus();
        killNine();
        hungHubIsAbortedByTheWatchdog();
        BootedContainer.Result logs = asUser(CLI, "logs", "hub", "-n", "300");
        assertEquals(0, logs.code(), logs.all());
        assertTrue(logs.stdout().contains("Main process exited, code=killed, status=9/KILL"), logs.all());
        assertTrue(logs.stdout().contains("parachute hub: listening on " + HUB), logs.all());

        long last = hub.modulePid();
        assertTrue(asUser(CLI, "stop").stdout().contains("✓ hub stopped"));
        assertEquals("inactive", property("ActiveState"));
        assertTrue(hub.signalMarks().contains("TERM " + last), hub.signalMarks());
        assertEquals(List.of(), hub.moduleProcesses());
        BootedContainer.Result uninstall = asUser(CLI, "hub", "uninstall");
        assertTrue(uninstall.stdout().contains("Removed systemd user unit " + UNIT), uninstall.all());
        System.out.printf("[booted-systemd] user unit scenario done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void install() throws IOException, InterruptedException {
        BootedContainer.Result install = asUser(CLI, "hub", "install");
        assertEquals(0, install.code(), install.all());
        assertTrue(install.stdout().contains("Installed systemd user unit " + UNIT + " — the hub now runs and starts on boot."),
                install.all());
        assertFalse(install.all().contains("linger"), "linger is on, nothing to warn about: " + install.all());
        assertEquals("enabled", asUser("systemctl", "--user", "is-enabled", UNIT).stdout().strip());
        assertEquals("active", property("ActiveState"));
        assertTrue(hub.answers(HUB + "/health"), "hub install returns once /health answers");
        String unitFile = asUser("cat", UNIT_FILE).stdout();
        assertFalse(unitFile.contains("network-online.target"), "a user manager has no network-online.target:\n" + unitFile);
        BootedContainer.Result verify = asUser("systemd-analyze", "--user", "verify", UNIT_FILE);
        assertEquals(0, verify.code(), verify.all());
        assertFalse(verify.all().contains(UNIT), "systemd-analyze --user verify has something to say: " + verify.all());
    }

    private void moduleAndStatus() throws IOException, InterruptedException {
        assertTrue(asUser(CLI, "install", "/srv/hello").stdout().contains("registered hello"));
        Poll.require(UP, "the hub starts the module", () -> hub.answers(MODULE + "/health"));
        JsonObject row = json(asUser(CLI, "status", "--json").stdout()).getJsonObject("hub");
        assertEquals(Long.parseLong(property("MainPID")), row.getJsonNumber("pid").longValue(), row.toString());
    }

    private void killNine() throws IOException, InterruptedException {
        long orphan = hub.modulePid();
        String crashed = property("MainPID");
        asUser("sh", "-c", "kill -9 " + crashed);
        Poll.require(RESTARTED, "the user manager restarts the killed hub", () -> {
            String main = propertyOrEmpty("MainPID");
            return !main.isEmpty() && !main.equals("0") && !main.equals(crashed)
                    && "active".equals(propertyOrEmpty("ActiveState")) && hub.answers(HUB + "/health");
        });
        assertTrue(hub.signalMarks().contains("TERM " + orphan), "the crashed hub's module got SIGTERM: " + hub.signalMarks());
        Poll.require(UP, "the new hub boots the module again", () -> hub.answers(MODULE + "/health"));
    }

    /**
     * A hub that stops answering (SIGSTOP: no more WATCHDOG=1) is aborted by systemd's watchdog and restarted, and its
     * module gets SIGTERM from ExecStopPost on that path too. WatchdogSec=10 (pings every 5 s from the 2 s supervisor
     * loop) and TimeoutAbortSec=2 by a drop-in, so it takes seconds, not the unit's 30 + 30; the drop-in applies from
     * the restart that gives the hub its WATCHDOG_USEC.
     */
    private void hungHubIsAbortedByTheWatchdog() throws IOException, InterruptedException {
        String dropIns = "/home/" + USER + "/.config/systemd/user/" + UNIT + ".d";
        asUser("sh", "-c", "mkdir -p " + dropIns + " && printf '[Service]\nWatchdogSec=10\nTimeoutAbortSec=2\n' > "
                + dropIns + "/it-watchdog.conf && systemctl --user daemon-reload");
        assertTrue(asUser(CLI, "restart", "hub").stdout().contains("✓ hub restarted"));
        Poll.require(UP, "the restarted hub boots the module", () -> hub.answers(MODULE + "/health"));
        long module = hub.modulePid();
        String hung = property("MainPID");
        asUser("sh", "-c", "kill -STOP " + hung);
        Poll.require(RESTARTED, "the watchdog aborts the hung hub and systemd restarts it", () -> {
            String main = propertyOrEmpty("MainPID");
            return !main.isEmpty() && !main.equals("0") && !main.equals(hung)
                    && "active".equals(propertyOrEmpty("ActiveState")) && hub.answers(HUB + "/health");
        });
        String log = asUser("journalctl", "--user", "-u", UNIT, "--no-pager").stdout();
        assertTrue(log.contains("Watchdog timeout (limit 10s)!"), log);
        assertTrue(hub.signalMarks().contains("TERM " + module), "the hung hub's module got SIGTERM: " + hub.signalMarks());
        asUser("sh", "-c", "rm -r " + dropIns + " && systemctl --user daemon-reload");
        Poll.require(UP, "the new hub boots the module again", () -> hub.answers(MODULE + "/health"));
    }

    /** {@code argv} as {@link #USER} (uid, gid and groups through setpriv; no PAM session) with that user's environment. */
    private BootedContainer.Result asUser(String... argv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER,
                "--init-groups", "env", "-i", "PATH=" + BootedContainer.PATH, "HOME=/home/" + USER, "USER=" + USER,
                "LOGNAME=" + USER, "LANG=C.UTF-8", "NO_COLOR=1", "SYSTEMD_PAGER=", "XDG_RUNTIME_DIR=/run/user/" + uid,
                "JAVA_HOME=" + BootedHub.javaHome()));
        command.addAll(List.of(argv));
        return box.exec(command.toArray(String[]::new));
    }

    private String property(String name) throws IOException, InterruptedException {
        BootedContainer.Result shown = asUser("systemctl", "--user", "show", "-P", name, UNIT);
        assertEquals(0, shown.code(), shown.all());
        return shown.stdout().strip();
    }

    private String propertyOrEmpty(String name) {
        return BootedHub.orEmpty(() -> property(name));
    }
}
