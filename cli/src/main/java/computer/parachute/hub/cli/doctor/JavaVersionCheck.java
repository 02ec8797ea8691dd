package computer.parachute.hub.cli.doctor;

import java.util.List;

/** The Java running the CLI (and, detached, the hub it starts): 17 or newer. */
final class JavaVersionCheck implements Check {
    private static final int MINIMUM = 17;

    @Override public String id() { return "java.version"; }

    @Override
    public List<Finding> run(DoctorContext context) {
        Runtime.Version version = Runtime.version();
        String where = System.getProperty("java.home");
        if (version.feature() < MINIMUM) {
            return List.of(Finding.fail(id(), "Java " + version + " at " + where + " is older than " + MINIMUM,
                    "install a JDK " + MINIMUM + "+ and put its bin/ first on PATH"));
        }
        return List.of(Finding.ok(id(), "Java " + version + " (" + where + ")"));
    }
}
