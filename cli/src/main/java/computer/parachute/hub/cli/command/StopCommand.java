package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;

import java.util.Optional;

/**
 * {@code parachute stop [svc|hub]} (reference §6.3): with no name or {@code hub}, stops the hub through its arm
 * (its modules stop with it); with a module name, asks a running hub to stop it — and never starts a hub to do so.
 */
@Command(name = "stop", description = "Stop the hub (and with it every module), or one module")
@Examples(examples = {"parachute stop", "parachute stop vault"},
        descriptions = {"Stop the hub and every module it supervises", "Stop vault; the hub keeps running"})
public final class StopCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Arguments(title = "service", description = "a module's short name, or `hub` (default: the hub)")
    private String svc;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        if (svc == null || ModuleOp.HUB.equals(svc)) {
            return ModuleOp.report(env.console(), env.hubArm(Optional.empty()).stop()) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        String target = ModuleOp.requireShort(svc);
        int port = env.hubPort();
        if (!env.health().hubAnswers(port)) {
            env.console().success(target + " already stopped (the hub isn't running, so its modules are down).");
            return ExitCodes.OK;
        }
        return ModuleOp.call(env, port, target, "stop", "stopped");
    }
}
