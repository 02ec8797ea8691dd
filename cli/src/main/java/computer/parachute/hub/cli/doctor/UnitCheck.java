package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.core.unit.CommandResult;
import computer.parachute.hub.core.unit.CommandRunner;
import computer.parachute.hub.core.unit.HubUnit;
import computer.parachute.hub.core.unit.Platform;
import computer.parachute.hub.core.unit.ServiceManager;
import computer.parachute.hub.core.unit.UnitLocation;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A hub unit is installed, enabled (so it starts at boot) and, for a Linux user unit, the user lingers (or the
 * user manager — and the hub — stop at logout). Read-only manager verbs only.
 */
final class UnitCheck implements Check {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final ServiceManager manager;
    private final CommandRunner runner;
    private final Platform platform;

    UnitCheck(ServiceManager manager, CommandRunner runner, Platform platform) {
        this.manager = manager;
        this.runner = runner;
        this.platform = platform;
    }

    @Override public String id() { return "hub.unit"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        UnitLocation location = manager.location();
        if (UnitLocation.NONE.equals(location.kind())) {
            return List.of(Finding.ok(id(), "no service manager here: the hub runs detached (`parachute start hub`)"));
        }
        if (!location.installed()) {
            return List.of(Finding.warn(id(), "no hub unit: the hub does not start at boot or restart after a crash",
                    "parachute hub install"));
        }
        List<Finding> findings = new ArrayList<>();
        if (UnitLocation.SYSTEMD.equals(location.kind())) {
            String scope = platform.isRoot() ? "" : "--user ";
            String enabled = output(systemctl("is-enabled", HubUnit.UNIT_NAME)).strip();
            if (!"enabled".equals(enabled)) {
                findings.add(Finding.warn(id(), HubUnit.UNIT_NAME + " is " + (enabled.isEmpty() ? "not enabled" : enabled)
                        + ": it will not start at boot", "systemctl " + scope + "enable " + HubUnit.UNIT_NAME));
            }
            if (!platform.isRoot() && !lingers()) {
                findings.add(Finding.warn("hub.linger", platform.userName() + " does not linger: the user unit stops at logout"
                        + " and does not start at boot", "loginctl enable-linger " + platform.userName()));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.ok(id(), location.kind() + " unit " + location.unitFile().map(Object::toString).orElse("")
                    + " installed and enabled"));
        }
        return findings;
    }

    private boolean lingers() {
        CommandResult show = run(List.of("loginctl", "show-user", platform.userName(), "--property=Linger"));
        return show.stdout().lines().anyMatch(line -> line.strip().equals("Linger=yes"));
    }

    private CommandResult systemctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("systemctl"));
        if (!platform.isRoot()) {
            argv.add("--user");
        }
        argv.addAll(List.of(args));
        return run(argv);
    }

    private CommandResult run(List<String> argv) {
        try {
            return runner.run(argv, COMMAND_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            return new CommandResult(-1, "", String.valueOf(e.getMessage()));
        }
    }

    private static String output(CommandResult result) {
        return result.stdout();
    }
}
