package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.status.StatusCollector;
import computer.parachute.hub.cli.status.StatusReport;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;

import java.util.Optional;

/**
 * {@code parachute status [--json]} (reference §6.4): one row per services.json module, the hub row last. It
 * degrades with a note (hub down, no token) instead of failing; exit 1 only when a row is failing. The JSON shape
 * is documented on {@link StatusReport}.
 */
@Command(name = "status", description = "Show the hub and every installed module")
@Examples(examples = {"parachute status", "parachute status --json"},
        descriptions = {"The status table", "The same as a stable JSON object (see the docs for its fields)"})
public final class StatusCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Option(name = "--json", description = "print a JSON object instead of the table")
    private boolean json;

    /**
     * {@code status} and {@code status --json} exactly, without Airline: building its metadata for every verb to
     * parse one word was the largest part of a status call (bench/README.md, CLI status). Anything else (help,
     * typos, other options) goes through Airline as before, so its answers do not change.
     */
    public static Optional<Verb> direct(String[] args) {
        if (args.length == 0 || args.length > 2 || !"status".equals(args[0])
                || args.length == 2 && !"--json".equals(args[1])) {
            return Optional.empty();
        }
        StatusCommand status = new StatusCommand();
        status.json = args.length == 2;
        return Optional.of(status);
    }

    @Override
    public int run(CliEnvironment env) {
        if (help.requested()) {
            return help.print(env.console());
        }
        StatusReport report = new StatusCollector(env).collect();
        if (json) {
            env.console().print(report.toJson());
        } else {
            report.tableLines().forEach(env.console()::line);
        }
        return report.failing() ? ExitCodes.FAILURE : ExitCodes.OK;
    }
}
