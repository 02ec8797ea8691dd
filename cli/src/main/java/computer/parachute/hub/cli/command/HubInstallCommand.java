package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.hub.HubPorts;
import computer.parachute.hub.cli.hub.UnitReply;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;

/** {@code parachute hub install [--no-start]}: writes the hub's systemd/launchd unit through the service manager (DESIGN §9). */
@Command(name = "install", description = "Install the hub as a service-manager unit (systemd user unit or LaunchAgent)")
@Examples(examples = {"parachute hub install", "parachute hub install --no-start", "parachute hub install --path ~/.nvm/versions/node/v22/bin",
        "sudo parachute hub install --user alice"},
        descriptions = {"Install the unit and start the hub through it", "Install and enable the unit without starting it now",
                "Let modules find a tool outside the usual directories", "A system unit (no linger needed) running alice's hub"})
public final class HubInstallCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @AirlineModule
    private LauncherOption launcher = new LauncherOption();

    @Option(name = "--no-start", description = "write, register and enable the unit (it starts on boot), but don't start it now")
    private boolean noStart;

    @Option(name = "--path", title = "dirs", description = "colon-separated directories to put first on the unit's PATH"
            + " (also PARACHUTE_UNIT_PATH); the rest is the JDK, the usual tool dirs and the system dirs")
    private String extraPath = "";

    @Option(name = "--user", title = "name", description = "as root: a system unit that runs the hub as this user, with"
            + " that user's ~/.parachute")
    private String runAsUser = "";

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        sudoNote(env);
        UnitReply reply = env.unitInstaller().install(env.launcherJar(launcher.path()), HubPorts.configured(env.env()),
                !noStart, extraPath, runAsUser);
        if (!reply.ok()) {
            reply.messages().forEach(env.console()::failure);
            env.console().detail("  Without a service manager, run the hub with `parachute serve` (foreground) or `parachute start hub` (detached).");
            return ExitCodes.FAILURE;
        }
        reply.messages().forEach(env.console()::success);
        return ExitCodes.OK;
    }

    /** {@code sudo parachute hub install} makes root's hub, not the invoking user's: say so before doing it. */
    private void sudoNote(CliEnvironment env) {
        String sudoUser = env.env().get("SUDO_USER");
        if (sudoUser == null || sudoUser.isBlank() || "root".equals(sudoUser) || !runAsUser.isBlank()) {
            return;
        }
        env.console().warning("run with sudo: this installs a system unit that runs the hub as root, with PARACHUTE_HOME="
                + env.home().root() + ". For " + sudoUser + "'s own hub, run `parachute hub install` without sudo (a user"
                + " unit), or `sudo parachute hub install --user " + sudoUser + "` (a system unit running as " + sudoUser + ").");
    }
}
