package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.CliFailure;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.UsageException;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.auth.OperatorTokenAdmin;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;

/** {@code parachute auth revoke <jti> | --all-operator}: revokes one token by id, or every operator token. */
@Command(name = "revoke", description = "Revoke one token by its jti, or every operator token (and dashboard session)")
@Examples(examples = {"parachute auth revoke 3q2-7a_Bc9", "parachute auth revoke --all-operator"},
        descriptions = {"Revoke one token", "Revoke every operator token (mint a new one with rotate-operator)"})
public final class AuthRevokeCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Arguments(title = "jti", description = "the token id (its jti claim)")
    private String jti;

    @Option(name = "--all-operator", description = "revoke every operator token")
    private boolean allOperator;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        if ((jti == null) == !allOperator) {
            throw new UsageException("give exactly one of <jti> or --all-operator");
        }
        try (OperatorTokenAdmin admin = env.tokenAdmin()) {
            if (allOperator) {
                int count = admin.revokeAllOperator();
                // a browser session was opened with an operator token: it ends with them (issue 11)
                int sessions = admin.endDashboardSessions();
                env.console().success("Revoked " + count + " operator token(s) and ended " + sessions
                        + " dashboard session(s). Mint a new token with `parachute auth rotate-operator`.");
                return ExitCodes.OK;
            }
            if (!admin.revoke(jti)) {
                throw new CliFailure("no unrevoked token has jti " + jti);
            }
            env.console().success("Revoked token " + jti + ".");
        }
        return ExitCodes.OK;
    }
}
