package computer.parachute.hub.cli.doctor;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** operator.token exists and is 0600 (DESIGN §7: a looser mode earns a warning with the chmod fix). */
final class TokenFileCheck implements Check {
    static final String ROTATE = "parachute auth rotate-operator";

    @Override public String id() { return "token.file"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        List<Finding> findings = new ArrayList<>();
        if (!Files.isRegularFile(context.home().operatorToken())) {
            findings.add(Finding.fail(id(), "no operator token at " + context.home().operatorToken(), ROTATE)
                    .fixable(TokenFileCheck::rotate));
            return findings;
        }
        OwnerOnlyModes.judge("token.mode", context.home().operatorToken(), false).ifPresent(findings::add);
        return findings;
    }

    static String rotate(DoctorContext context) throws Exception {
        return context.runVerb("auth", "rotate-operator");
    }
}
