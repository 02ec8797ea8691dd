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
@Examples(examples = {"parachute hub install", "parachute hub install --no-start"},
        descriptions = {"Install the unit and start the hub through it", "Install the unit without starting it"})
public final class HubInstallCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @AirlineModule
    private LauncherOption launcher = new LauncherOption();

    @Option(name = "--no-start", description = "write and register the unit, but don't start it")
    private boolean noStart;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        UnitReply reply = env.unitInstaller().install(env.launcherJar(launcher.path()), HubPorts.configured(env.env()), !noStart);
        if (!reply.ok()) {
            reply.messages().forEach(env.console()::failure);
            env.console().detail("  Without a service manager, run the hub with `parachute serve` (foreground) or `parachute start hub` (detached).");
            return ExitCodes.FAILURE;
        }
        reply.messages().forEach(env.console()::success);
        return ExitCodes.OK;
    }
}
