package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.hub.HubArm;
import java.util.OptionalInt;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;

/**
 * {@code parachute start [svc|hub]} (reference §6.3): brings the hub up through its arm (unit or detached); with a
 * module name, then asks the hub to start that module.
 */
@Command(name = "start", description = "Start the hub, or a module (starting the hub first if needed)")
@Examples(examples = {"parachute start", "parachute start hub", "parachute start vault"},
        descriptions = {"Start the hub; every installed module boots with it", "Start only the hub", "Make sure the hub is up, then start vault"})
public final class StartCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @AirlineModule
    private LauncherOption launcher = new LauncherOption();

    @Arguments(title = "service", description = "a module's short name, or `hub` (default: the hub and every installed module)")
    private String svc;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        boolean allModules = svc == null;
        String target = allModules ? ModuleOp.HUB : ModuleOp.requireShort(svc);
        HubArm arm = env.hubArm(launcher.path());
        if (ModuleOp.HUB.equals(target)) {
            return ModuleOp.report(env.console(), allModules ? arm.startAll() : arm.start()) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        OptionalInt port = ModuleOp.ensureHub(env.console(), arm);
        return port.isEmpty() ? ExitCodes.FAILURE : ModuleOp.call(env, port.getAsInt(), target, "start", "started");
    }
}
