package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;
import com.github.rvesse.airline.annotations.restrictions.AllowedRawValues;

/** {@code parachute auth rotate-operator [--scope-set S]} (reference §4.2): mints a fresh operator token into operator.token. */
@Command(name = "rotate-operator", description = "Mint a new operator token and write it to operator.token (mode 0600)")
@Examples(examples = {"parachute auth rotate-operator", "parachute auth rotate-operator --scope-set auth"},
        descriptions = {"A new admin-scope token (what start/stop/status need)", "A narrower token that can only read module state"})
public final class AuthRotateOperatorCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Option(name = "--scope-set", title = "set", description = "install, start, expose, auth, vault or admin (default admin)")
    @AllowedRawValues(allowedValues = {"install", "start", "expose", "auth", "vault", "admin"})
    private String scopeSet = "admin";

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        try (OperatorTokenAdmin admin = env.tokenAdmin()) {
            OperatorTokenAdmin.Rotated rotated = admin.rotateOperator(scopeSet);
            env.console().success("Rotated operator token.");
            env.console().line("  sub:        " + rotated.subject());
            env.console().line("  scope_set:  " + rotated.scopeSet());
            env.console().line("  path:       " + rotated.path());
            env.console().line("  expires_at: " + rotated.expiresAt());
            env.console().line("Older operator tokens stay valid until they expire or are revoked (`parachute auth revoke <jti>` or `--all-operator`).");
        }
        return ExitCodes.OK;
    }
}
