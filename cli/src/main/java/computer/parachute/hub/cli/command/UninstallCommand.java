package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.core.token.OperatorTokenException;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;
import com.github.rvesse.airline.annotations.restrictions.Required;

/**
 * {@code parachute uninstall <svc>}: stops the module (when the hub runs) and removes its services.json row. The
 * module's own files are never touched. If the stop fails nothing is removed, so no module is left running unlisted.
 */
@Command(name = "uninstall", description = "Stop a module and remove it from services.json (its files stay)")
@Examples(examples = {"parachute uninstall notes"}, descriptions = {"Stop notes and unregister it"})
public final class UninstallCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Arguments(title = "service", description = "the module's short name")
    @Required
    private String svc;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        String target = ModuleOp.requireShort(svc);
        ServicesRegistry registry = new ServicesRegistry(env.home().servicesJson());
        ServiceEntry entry = registry.readLenient().byShort(target)
                .orElseThrow(() -> new CliFailure(target + " is not installed (no services.json entry in " + registry.file() + ")."));
        int port = env.hubPort();
        if (env.health().hubAnswers(port)) {
            try {
                env.moduleOps(port).operate(target, "stop");
            } catch (OperatorTokenException | ModuleOpHttpException e) {
                throw new CliFailure(target + ": couldn't stop it first (" + e.getMessage() + "); nothing was removed.");
            }
        }
        registry.remove(entry.name());
        env.console().success(target + " uninstalled (removed from services.json"
                + (entry.installDir() == null ? ")." : "; its files in " + entry.installDir() + " are untouched)."));
        return ExitCodes.OK;
    }
}
