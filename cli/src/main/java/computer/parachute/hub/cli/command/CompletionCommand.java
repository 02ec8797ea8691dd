package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;
import com.github.rvesse.airline.annotations.restrictions.AllowedRawValues;
import com.github.rvesse.airline.model.GlobalMetadata;

/** {@code parachute completion bash}: a bash completion script generated from the command tree's Airline metadata. */
@Command(name = "completion", description = "Print a shell completion script")
@Examples(examples = {"parachute completion bash > ~/.local/share/bash-completion/completions/parachute",
        "source <(parachute completion bash)"},
        descriptions = {"Install completion for new shells", "Enable it in this shell"})
public final class CompletionCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @AirlineModule
    private GlobalMetadata<Verb> global;

    @Arguments(title = "shell", description = "the shell (only bash)")
    @AllowedRawValues(allowedValues = {"bash"})
    private String shell = "bash";

    @Override
    public int run(CliEnvironment env) {
        if (help.requested()) {
            return help.print(env.console());
        }
        env.console().print(BashCompletion.script(global));
        return ExitCodes.OK;
    }
}
