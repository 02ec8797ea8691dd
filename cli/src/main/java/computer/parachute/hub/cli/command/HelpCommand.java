package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.model.GlobalMetadata;

import java.util.ArrayList;
import java.util.List;

/** {@code parachute help [<command>...]}: the command list, or one command's help. */
@Command(name = "help", description = "Show the commands, or help for one command")
public final class HelpCommand implements Verb {
    @AirlineModule
    private GlobalMetadata<Verb> global;

    @Arguments(title = "command", description = "the command (and sub-command) to explain")
    private List<String> command = new ArrayList<>();

    @Override
    public int run(CliEnvironment env) {
        env.console().print(VerbHelp.render(global, command));
        return ExitCodes.OK;
    }
}
