package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;

/**
 * {@code parachute auth rotate-key [--now]} (reference §4.1): retires the active signing key and makes a new one;
 * {@code --now} also cuts off every older key at once, for a key that leaked (DESIGN §7).
 */
@Command(name = "rotate-key", description = "Retire the signing key and create a new one (old tokens verify for 24 h more,"
        + " or not at all with --now)")
@Examples(examples = {"parachute auth rotate-key && parachute auth rotate-operator",
        "parachute auth rotate-key --now && parachute auth rotate-operator"},
        descriptions = {"New key, then a token signed by it", "After a key leak: every token signed by the old key stops working now"})
public final class AuthRotateKeyCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Option(name = "--now", description = "retire the old key at once: every token it signed stops working (a leaked key)")
    private boolean now;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        try (OperatorTokenAdmin admin = env.tokenAdmin()) {
            String kid = admin.rotateKey(now);
            env.console().success("Rotated signing key (new kid " + kid + ").");
            env.console().line(now
                    ? "Every token signed by the old key stopped working, your operator token too: run `parachute auth rotate-operator`."
                    : "Tokens signed by the retired key keep verifying for 24 h; run `parachute auth rotate-operator` for a token under the new key.");
        }
        return ExitCodes.OK;
    }
}
