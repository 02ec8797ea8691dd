package computer.parachute.hub.cli.doctor;

import java.util.Optional;

/**
 * One line of the doctor's answer: the check's id, the verdict, what was found, and the exact command that fixes it
 * ({@code fix}, empty when ok); {@code safeFix} is present when {@code --fix} may apply it itself.
 */
public record Finding(String id, Status status, String message, String fix, Optional<SafeFix> safeFix) {
    public Finding {
        fix = fix == null ? "" : fix;
    }

    public static Finding ok(String id, String message) {
        return new Finding(id, Status.OK, message, "", Optional.empty());
    }

    public static Finding warn(String id, String message, String fix) {
        return new Finding(id, Status.WARN, message, fix, Optional.empty());
    }

    public static Finding fail(String id, String message, String fix) {
        return new Finding(id, Status.FAIL, message, fix, Optional.empty());
    }

    public Finding fixable(SafeFix fix) {
        return new Finding(id, status, message, this.fix, Optional.of(fix));
    }
}
