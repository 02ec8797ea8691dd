package computer.parachute.hub.cli.doctor;

import java.util.ArrayList;
import java.util.List;

/** {@code $PARACHUTE_HOME} is 0700 and hub.db 0600 (DESIGN §12). */
final class HomeModeCheck implements Check {
    @Override public String id() { return "home.mode"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        List<Finding> findings = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(context.home().root())) {
            findings.add(Finding.warn(id(), context.home().root() + " does not exist yet", "parachute start hub"));
            return findings;
        }
        OwnerOnlyModes.judge(id(), context.home().root(), true).ifPresent(findings::add);
        OwnerOnlyModes.judge("home.hubdb", context.home().hubDb(), false).ifPresent(findings::add);
        return findings;
    }
}
