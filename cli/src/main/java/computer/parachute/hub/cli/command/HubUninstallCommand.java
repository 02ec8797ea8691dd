package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.hub.UnitReply;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;

/** {@code parachute hub uninstall}: stops and removes the hub unit; the hub then runs only when started by hand. */
@Command(name = "uninstall", description = "Stop and remove the hub's service-manager unit")
@Examples(examples = {"parachute hub uninstall"}, descriptions = {"Remove the unit (the hub stops with it)"})
public final class HubUninstallCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Override
    public int run(CliEnvironment env) {
        if (help.requested()) {
            return help.print(env.console());
        }
        UnitReply reply = env.unitInstaller().remove();
        if (!reply.ok()) {
            reply.messages().forEach(env.console()::failure);
            return ExitCodes.FAILURE;
        }
        reply.messages().forEach(env.console()::line);
        env.console().success("hub unit removed; run the hub with `parachute start hub` or `parachute serve` from now on.");
        return ExitCodes.OK;
    }
}
