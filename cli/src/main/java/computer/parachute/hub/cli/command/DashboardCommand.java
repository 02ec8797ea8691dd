package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.core.token.OperatorTokenException;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * {@code parachute dashboard [--no-open]} (issue 11): asks the running hub, with the operator token, for a one-time
 * login link, opens it in the browser when there is a display, and prints it as the last line (so it can be copied
 * or piped). Never starts the hub: a dashboard of a hub the user did not mean to start would be a surprise.
 */
@Command(name = "dashboard", description = "Open the hub's dashboard in your browser (prints a one-time login link)")
@Examples(examples = {"parachute dashboard", "parachute dashboard --no-open"},
        descriptions = {"Open the dashboard in the default browser", "Only print the link (e.g. over SSH with a tunnel)"})
public final class DashboardCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Option(name = "--no-open", description = "print the link without opening a browser")
    private boolean noOpen;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        int port = env.hubPort();
        if (!env.health().hubAnswers(port)) {
            throw hubDown(port);
        }
        JsonObject link = mint(env, port);
        String url = link.get("url") instanceof JsonString s ? s.getString() : null;
        if (url == null || !url.startsWith("http://127.0.0.1:")) {
            throw new CliFailure("the hub on port " + port + " answered without a login link — is it an older hub? `parachute restart hub`");
        }
        long seconds = link.get("expires_in") instanceof JsonNumber n ? n.longValue() : 60;
        if (!noOpen && env.browser().displayAvailable()) {
            if (env.browser().open(url)) {
                env.console().success("Opening the dashboard in your browser.");
            } else {
                env.console().warning("could not start a browser (xdg-open/open); open the link below yourself.");
            }
        }
        env.console().line("One-time login link (works once, for " + seconds + " s):");
        env.console().line(url);
        return ExitCodes.OK;
    }

    private static JsonObject mint(CliEnvironment env, int port) throws CliFailure {
        try {
            return env.moduleOps(port).loginLink();
        } catch (OperatorTokenException e) {
            throw new CliFailure(e.getMessage());
        } catch (ModuleOpHttpException e) {
            if (e.status() == 0) {
                throw hubDown(port);
            }
            if (e.status() == 401 || e.status() == 403) {
                throw new CliFailure("the hub refused the operator token (" + e.getMessage()
                        + ") — run `parachute auth rotate-operator`, then `parachute dashboard` again");
            }
            throw new CliFailure("could not get a login link: " + e.getMessage());
        }
    }

    private static CliFailure hubDown(int port) {
        return new CliFailure("the hub isn't running on port " + port + " — start it with `parachute start hub`, then run `parachute dashboard` again");
    }
}
