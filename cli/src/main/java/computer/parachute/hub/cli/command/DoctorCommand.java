package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.Console;
import computer.parachute.hub.cli.ExitCodes;
import computer.parachute.hub.cli.Verb;
import computer.parachute.hub.cli.doctor.Doctor;
import computer.parachute.hub.cli.doctor.DoctorContext;
import computer.parachute.hub.cli.doctor.DoctorReport;
import computer.parachute.hub.cli.doctor.FixSession;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;
import com.github.rvesse.airline.annotations.Option;
import com.github.rvesse.airline.annotations.help.Examples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code parachute doctor [--json] [--fix [--yes]]} (issue 12): every check with its verdict and the exact fix;
 * {@code --fix} applies the safe ones after a confirmation (or at once with {@code --yes}) and checks again.
 * Exit 0 when nothing fails (warnings allowed), 1 otherwise.
 */
@Command(name = "doctor", description = "Check the hub, its files and every module; say what is wrong and how to fix it")
@Examples(examples = {"parachute doctor", "parachute doctor --json", "parachute doctor --fix", "parachute doctor --fix --yes"},
        descriptions = {"Every check, one line each, with the fix command", "The same as one JSON object with a checks array",
                "Apply the safe fixes (chmod, token rotation, restart of a crashed module, re-registering a drifted port) after asking",
                "Apply them without asking"})
public final class DoctorCommand implements Verb {
    @AirlineModule
    private VerbHelp help = new VerbHelp();

    @Option(name = "--json", description = "print one JSON object with a checks array")
    private boolean json;

    @Option(name = "--fix", description = "apply the safe fixes (asks first unless --yes)")
    private boolean fix;

    @Option(name = {"--yes", "-y"}, description = "with --fix: apply without asking")
    private boolean yes;

    @Override
    public int run(CliEnvironment env) throws Exception {
        if (help.requested()) {
            return help.print(env.console());
        }
        Doctor doctor = Doctor.standard();
        // with --json, what the fixes print goes to stderr so stdout stays one JSON object
        CliEnvironment fixEnv = json ? FixSession.onStderr(env) : env;
        DoctorContext context = DoctorContext.forProcess(fixEnv);
        DoctorReport report = new DoctorReport(doctor.examine(context), List.of());
        if (fix) {
            FixSession session = new FixSession(fixEnv.console(), yes, DoctorCommand::readAnswer);
            List<DoctorReport.AppliedFix> applied = session.apply(report.findings(), context);
            if (!applied.isEmpty()) {
                report = new DoctorReport(doctor.examine(context.fresh()), applied);
            }
        }
        Console console = env.console();
        if (json) {
            console.print(report.toJson());
        } else {
            report.lines().forEach(console::line);
        }
        return report.failing() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static String readAnswer() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
