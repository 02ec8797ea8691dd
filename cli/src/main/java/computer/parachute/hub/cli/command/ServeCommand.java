package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.hub.HubCommand;
import computer.parachute.hub.cli.hub.HubPorts;
import computer.parachute.hub.core.unit.HubJava;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;

import java.util.Map;

/**
 * {@code parachute serve}: the hub in the foreground, exactly as the launcher runs it. It runs
 * {@code java -jar launcher.jar} as a child with the terminal's stdio and returns its exit code, rather than
 * loading the launcher in-process: parachute.jar stays small (no Jetty, Jersey or the WAR on the CLI's class
 * path, DESIGN §3), and the hub gets its own JVM flags instead of the CLI's start-up-tuned ones.
 */
@Command(name = "serve", description = "Run the hub in the foreground (for containers, or when there is no service manager)")
@Examples(examples = {"parachute serve", "PARACHUTE_HUB_PORT=2939 parachute serve", "parachute serve --print-command"},
        descriptions = {"Run the hub on 127.0.0.1:1939 until Ctrl-C", "Run it on another port",
                "Print the hub's command line (java, its JVM flags, -jar launcher.jar), one argument per line; stderr says which JVM and why"})
public final class ServeCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @AirlineModule
    private LauncherOption launcher = new LauncherOption();

    /**
     * For supervisors and benchmarks that run the hub themselves: the exact argv (JVM flags from one source,
     * HubJvmFlags) without a CLI JVM sitting in between.
     */
    @Option(name = "--print-command", description = "Print the command that runs the hub, one argument per line, and exit")
    private boolean printCommand;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        HubJava java = HubCommand.java(env.env());
        var argv = HubCommand.argv(java, env.launcherJar(launcher.path()));
        if (printCommand) {
            env.console().detail("# hub JVM: " + java.describe()); // stderr: stdout stays the bare argv
            argv.forEach(env.console()::line);
            return ExitCodes.OK;
        }
        String port = Integer.toString(HubPorts.configured(env.env()));
        env.console().flush();
        return env.foreground().run(argv, Map.of("PARACHUTE_HOME", env.home().root().toString(), "PORT", port));
    }
}
