package computer.parachute.hub.cli.hub;

import java.util.Optional;

/** Probes {@code http://127.0.0.1:<port>/health}; empty when nothing answers 2xx. Must not throw. */
@FunctionalInterface
public interface HubHealth {
    Optional<HealthInfo> probe(int port);

    /** True when our hub (service {@code parachute-hub}) answers on the port. */
    default boolean hubAnswers(int port) {
        return probe(port).filter(HealthInfo::isHub).isPresent();
    }
}
