package computer.parachute.hub.api;

import computer.parachute.hub.app.HubInstance;
import computer.parachute.hub.core.db.HubDatabase;

import java.nio.file.Files;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Builds the health report. {@code db} is live: a query through the pool, plus a check that hub.db is still on
 * disk, because SQLite keeps answering from an unlinked file after its directory is wiped (reference #594).
 */
public final class HealthCheck {
    static final String SERVICE = "parachute-hub";

    private final HubDatabase database;
    private final HubInstance instance;
    private final Supplier<OptionalInt> servedPort;
    private final String version;

    public HealthCheck(HubDatabase database, HubInstance instance, Supplier<OptionalInt> servedPort, String version) {
        this.database = database;
        this.instance = instance;
        this.servedPort = servedPort;
        this.version = version;
    }

    public Health report() {
        OptionalInt port = servedPort.get();
        return new Health("ok", SERVICE, version, databaseState(), instance.id(),
                port.isPresent() ? port.getAsInt() : null, port.isPresent());
    }

    private String databaseState() {
        if (!Files.exists(database.file())) {
            return "error: " + database.file() + " is gone";
        }
        return database.health();
    }
}
