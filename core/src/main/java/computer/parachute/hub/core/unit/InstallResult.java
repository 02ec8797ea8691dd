package computer.parachute.hub.core.unit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Outcome of {@link ServiceManager#install}: either the unit is in place (and running when asked),
 * or the caller should fall back to a foreground/detached hub; {@code messages} say why, in order.
 */
public record InstallResult(Outcome outcome, String kind, Optional<Path> servicePath, List<String> messages) {

    public enum Outcome { INSTALLED, FALLBACK }

    public InstallResult {
        messages = List.copyOf(messages);
    }

    static InstallResult installed(String kind, Path servicePath, List<String> messages) {
        return new InstallResult(Outcome.INSTALLED, kind, Optional.of(servicePath), messages);
    }

    static InstallResult fallback(String kind, String... messages) {
        return new InstallResult(Outcome.FALLBACK, kind, Optional.empty(), List.of(messages));
    }

    static InstallResult fallback(String kind, List<String> messages) {
        return new InstallResult(Outcome.FALLBACK, kind, Optional.empty(), messages);
    }
}
