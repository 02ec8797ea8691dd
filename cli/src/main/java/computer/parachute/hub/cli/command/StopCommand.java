package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;

import java.util.Optional;

/**
 * {@code parachute stop [svc|hub]} (reference §6.3): with no name or {@code hub}, stops the hub through its arm
 * (its modules stop with it); with a module name, asks a running hub to stop it — and never starts a hub to do so.
 * A name with no services.json row is "not installed" (exit 1), as for start.
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
            if (isSurelyNotInstalled(env, target)) {
                return ModuleOp.notInstalled(env.console(), target);
            }
            env.console().success(target + " already stopped (the hub isn't running, so its modules are down).");
            return ExitCodes.OK;
        }
        return ModuleOp.call(env, port, target, ModuleOp.STOP, "stopped");
    }

    /** With the hub down, services.json decides; a file that does not read cleanly decides nothing. */
    private static boolean isSurelyNotInstalled(CliEnvironment env, String target) {
        ServicesRead read = new ServicesRegistry(env.home().servicesJson()).readLenient();
        return read.warnings().isEmpty() && read.byShort(target).isEmpty();
    }
}
