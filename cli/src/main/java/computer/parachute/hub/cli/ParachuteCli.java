package computer.parachute.hub.cli;

import computer.parachute.hub.cli.command.AuthRevokeCommand;
import computer.parachute.hub.cli.command.AuthRotateKeyCommand;
import computer.parachute.hub.cli.command.AuthRotateOperatorCommand;
import computer.parachute.hub.cli.command.CompletionCommand;
import computer.parachute.hub.cli.command.DashboardCommand;
import computer.parachute.hub.cli.command.DoctorCommand;
import computer.parachute.hub.cli.command.HelpCommand;
import computer.parachute.hub.cli.command.HubInstallCommand;
import computer.parachute.hub.cli.command.HubUninstallCommand;
import computer.parachute.hub.cli.command.InstallCommand;
import computer.parachute.hub.cli.command.LogsCommand;
import computer.parachute.hub.cli.command.RestartCommand;
import computer.parachute.hub.cli.command.ServeCommand;
import computer.parachute.hub.cli.command.StartCommand;
import computer.parachute.hub.cli.command.StatusCommand;
import computer.parachute.hub.cli.command.StopCommand;
import computer.parachute.hub.cli.command.UninstallCommand;
import computer.parachute.hub.cli.command.VersionCommand;
import com.github.rvesse.airline.annotations.Group;
import com.github.rvesse.airline.parser.errors.ParseCommandMissingException;
import com.github.rvesse.airline.parser.errors.ParseCommandUnrecognizedException;
import com.github.rvesse.airline.parser.errors.ParseException;

import computer.parachute.hub.cli.command.VerbHelp;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Optional;
import java.io.StringWriter;

/**
 * The {@code parachute} command tree (DESIGN §8) and the CLI's only exit. Exit codes: 0 success, 1 failure (one
 * {@code ✗} line), 2 usage error — every usage error, an unknown verb included, is 2 (the reference used 1 for an
 * unknown verb; one code per kind of mistake is easier to script against). No verb at all, or a group without its
 * sub-verb ({@code parachute auth}), prints the help that lists what could follow, and is also 2.
 */
@com.github.rvesse.airline.annotations.Cli(name = "parachute",
        description = "Run and operate the Parachute hub and its modules",
        commands = {StartCommand.class, StopCommand.class, RestartCommand.class, StatusCommand.class, LogsCommand.class, DoctorCommand.class,
                ServeCommand.class, InstallCommand.class, UninstallCommand.class, VersionCommand.class,
                DashboardCommand.class, CompletionCommand.class, HelpCommand.class},
        groups = {
                @Group(name = "hub", description = "Install or remove the hub's service-manager unit",
                        commands = {HubInstallCommand.class, HubUninstallCommand.class}),
                @Group(name = "auth", description = "Operator tokens and signing keys",
                        commands = {AuthRotateOperatorCommand.class, AuthRotateKeyCommand.class, AuthRevokeCommand.class})
        })
public final class ParachuteCli {
    /** Set to 1 to get stack traces for unexpected errors. */
    public static final String DEBUG_ENV = "PARACHUTE_DEBUG";
    static final String USAGE_HINT = "usage: parachute <command> [<args>] — run `parachute help` for the commands, `parachute <command> --help` for one";

    private ParachuteCli() {}

    public static void main(String[] args) {
        CliWiring wiring = CliWiring.forProcess();
        int code = execute(args, wiring);
        wiring.console().flush();
        System.exit(code);
    }

    /** Parses and runs one command line; returns the exit code. Never exits the JVM (tests call this). */
    public static int execute(String[] args, CliEnvironment env) {
        Optional<Verb> direct = StatusCommand.direct(args);
        if (direct.isPresent()) {
            return run(direct.get(), env);
        }
        Console console = env.console();
        Verb verb;
        com.github.rvesse.airline.Cli<Verb> cli = new com.github.rvesse.airline.Cli<>(ParachuteCli.class);
        if (args.length == 0 || args.length == 1 && isGroup(cli, args[0])) {
            // no verb (or a group without its sub-verb) is a usage error, answered with what could have been typed
            console.print(VerbHelp.render(cli.getMetadata(), Arrays.asList(args)));
            return ExitCodes.USAGE;
        }
        try {
            verb = cli.parse(normalise(args));
        } catch (ParseCommandUnrecognizedException | ParseCommandMissingException e) {
            console.failure("parachute: unknown command " + describe(args));
            console.detail(USAGE_HINT);
            return ExitCodes.USAGE;
        } catch (ParseException e) {
            if (asksForHelp(args)) {
                // --help wins over a missing required argument: `parachute logs --help` explains logs
                console.print(VerbHelp.render(cli.getMetadata(), Arrays.stream(args).filter(a -> !a.startsWith("-")).toList()));
                return ExitCodes.OK;
            }
            console.failure("parachute: " + e.getMessage());
            console.detail(USAGE_HINT);
            return ExitCodes.USAGE;
        }
        return run(verb, env);
    }

    private static int run(Verb verb, CliEnvironment env) {
        Console console = env.console();
        try {
            return verb.run(env);
        } catch (UsageException e) {
            console.failure(e.getMessage());
            console.detail(USAGE_HINT);
            return ExitCodes.USAGE;
        } catch (CliFailure e) {
            console.failure(e.getMessage());
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.failure("interrupted");
            return ExitCodes.FAILURE;
        } catch (Exception | Error e) {
            console.failure("unexpected error: " + e);
            if ("1".equals(env.env().get(DEBUG_ENV))) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                console.detail(trace.toString().stripTrailing());
            } else {
                console.detail("  This is a bug in parachute; re-run with " + DEBUG_ENV + "=1 for the stack trace (hub log: `parachute logs hub`).");
            }
            return ExitCodes.FAILURE;
        }
    }

    private static boolean isGroup(com.github.rvesse.airline.Cli<Verb> cli, String word) {
        return cli.getMetadata().getCommandGroups().stream().anyMatch(group -> group.getName().equals(word));
    }

    /** A bare --help/-h → the command list; --version → the version verb. */
    static String[] normalise(String[] args) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            return new String[] {"help"};
        }
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            return new String[] {"version"};
        }
        return args;
    }

    private static boolean asksForHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> "--help".equals(a) || "-h".equals(a));
    }

    private static String describe(String[] args) {
        return args.length == 0 ? "" : "\"" + String.join(" ", args) + "\"";
    }
}
