package computer.parachute.hub.modules;

import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.EnvFile;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.StartCommand;
import computer.parachute.hub.supervisor.SpawnRequest;
import computer.parachute.hub.supervisor.SpawnRequests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a services.json row and its resolved start command into a {@link SpawnRequest}, reading the module's
 * current {@code .env} every time: boot, API start and restart all come through here, so a restart picks up a
 * changed {@code .env} or origin (reference #532).
 */
public final class SpawnRequestFactory {
    private final HubHome home;
    private final SpawnRequests requests;
    private final Supplier<String> hubOrigin;

    /** {@code hubOrigin} gives the origin for the next spawn, or null while the hub does not know it yet. */
    public SpawnRequestFactory(HubHome home, SpawnRequests requests, Supplier<String> hubOrigin) {
        this.home = home;
        this.requests = requests;
        this.hubOrigin = hubOrigin;
    }

    public SpawnRequest build(String shortName, ServiceEntry entry, StartCommand.Resolved command) {
        Map<String, String> envFile;
        try {
            envFile = EnvFile.load(home.moduleEnvFile(shortName)).pairs();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + home.moduleEnvFile(shortName) + ": " + e.getMessage(), e);
        }
        return requests.build(shortName, command.argv(), entry.port(), command.cwd(), envFile, hubOrigin.get(), Map.of());
    }
}
