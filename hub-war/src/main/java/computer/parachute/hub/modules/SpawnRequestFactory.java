package computer.parachute.hub.modules;

import computer.parachute.hub.core.fs.BoundedFiles;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.EnvFile;
import computer.parachute.hub.core.manifest.RowRefusals;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.StartCommand;
import computer.parachute.hub.supervisor.SpawnRequest;
import computer.parachute.hub.supervisor.SpawnRequests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
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
    private final IntSupplier hubPort;

    /**
     * {@code hubOrigin} gives the origin for the next spawn, or null while the hub does not know it yet; {@code hubPort}
     * the port the hub is served on, or 0 while unknown (a servlet container before its first request).
     */
    public SpawnRequestFactory(HubHome home, SpawnRequests requests, Supplier<String> hubOrigin, IntSupplier hubPort) {
        this.home = home;
        this.requests = requests;
        this.hubOrigin = hubOrigin;
        this.hubPort = hubPort;
    }

    /** Why this row must not run (reserved name, the hub's own port), or empty. */
    public Optional<String> refusal(String shortName, ServiceEntry entry) {
        return RowRefusals.refusal(entry, shortName, hubPort.getAsInt());
    }

    public SpawnRequest build(String shortName, ServiceEntry entry, StartCommand.Resolved command) {
        Map<String, String> envFile;
        try {
            envFile = EnvFile.load(home.moduleEnvFile(shortName)).pairs();
        } catch (IOException e) {
            String why = e instanceof BoundedFiles.UnreadableFileException ? e.getMessage()
                    : "cannot read " + home.moduleEnvFile(shortName) + ": " + e.getMessage();
            throw new UncheckedIOException(why, e);
        }
        return requests.build(shortName, command.argv(), entry.port(), command.cwd(), envFile, hubOrigin.get(), Map.of());
    }
}
