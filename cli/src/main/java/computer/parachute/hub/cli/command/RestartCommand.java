package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import java.util.OptionalInt;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;

/**
 * {@code parachute restart [svc|hub]} (reference §6.3): the hub through its arm; a module through the API, falling
 * back to start when the hub says 404 {@code not_supervised} (restart is total over module state).
 */
@Command(name = "restart", description = "Restart the hub (re-booting every module), or one module")
@Examples(examples = {"parachute restart", "parachute restart vault"},
        descriptions = {"Restart the hub; every module is re-booted", "Restart vault (starts it if it wasn't running)"})
public final class RestartCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @AirlineModule
    private LauncherOption launcher = new LauncherOption();

    @Arguments(title = "service", description = "a module's short name, or `hub` (default: the hub)")
    private String svc;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        if (svc == null || ModuleOp.HUB.equals(svc)) {
            return ModuleOp.report(env.console(), env.hubArm(launcher.path()).restart()) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        String target = ModuleOp.requireShort(svc);
        OptionalInt port = ModuleOp.ensureHub(env.console(), env.hubArm(launcher.path()));
        if (port.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        return ModuleOp.callOrElse(env, port.getAsInt(), target, "restart", "restarted",
                () -> ModuleOp.call(env, port.getAsInt(), target, "start", "started"));
    }
}
