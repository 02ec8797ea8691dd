package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.Console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code --fix}: lists the safe fixes the findings offer, asks once (unless {@code --yes}), applies them in order
 * and says what each did. A fix that fails is reported and the rest still run; nothing is applied on any answer
 * but yes.
 */
public final class FixSession {
    private final Console console;
    private final boolean yes;
    private final Supplier<String> answer;

    public FixSession(Console console, boolean yes, Supplier<String> answer) {
        this.console = console;
        this.yes = yes;
        this.answer = answer;
    }

    public static CliEnvironment onStderr(CliEnvironment env) {
        PrintStream err = System.err;
        return new StderrEnvironment(env, new Console(err, err, false));
    }

    public List<DoctorReport.AppliedFix> apply(List<Finding> findings, DoctorContext context) {
        List<Finding> fixable = findings.stream().filter(f -> f.status() != Status.OK && f.safeFix().isPresent()).toList();
        List<DoctorReport.AppliedFix> applied = new ArrayList<>();
        if (fixable.isEmpty()) {
            console.line("Nothing --fix can apply on its own" + (findings.stream().anyMatch(f -> f.status() != Status.OK)
                    ? ": run the fix commands shown." : "."));
            return applied;
        }
        console.line("--fix will:");
        fixable.forEach(f -> console.line("  " + f.id() + ": " + f.fix()));
        if (!yes) {
            console.out().print("Apply " + (fixable.size() == 1 ? "this fix" : "these " + fixable.size() + " fixes") + "? [y/N] ");
            console.out().flush();
            String reply = answer.get().strip().toLowerCase(Locale.ROOT);
            if (!reply.equals("y") && !reply.equals("yes")) {
                console.line("No changes made.");
                return applied;
            }
        }
        for (Finding finding : fixable) {
            try {
                String done = finding.safeFix().get().apply(context);
                console.success("fixed " + finding.id() + ": " + done);
                applied.add(new DoctorReport.AppliedFix(finding.id(), true, done));
            } catch (Exception e) {
                console.failure("could not fix " + finding.id() + ": " + e.getMessage());
                applied.add(new DoctorReport.AppliedFix(finding.id(), false, String.valueOf(e.getMessage())));
            }
        }
        return applied;
    }
}
