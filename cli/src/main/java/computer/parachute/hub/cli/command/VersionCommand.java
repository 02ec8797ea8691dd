package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.help.Examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code parachute version} (also {@code parachute --version}): the build's version, from core's version.properties. */
@Command(name = "version", description = "Print the parachute version")
@Examples(examples = {"parachute version"}, descriptions = {"Prints e.g. `parachute 0.1.0`"})
public final class VersionCommand implements Verb {
    static final String RESOURCE = "/computer/parachute/hub/core/version.properties";

    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Override
    public int run(CliEnvironment env) {
        if (help.requested()) {
            return help.print(env.console());
        }
        env.console().line("parachute " + version());
        return ExitCodes.OK;
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
