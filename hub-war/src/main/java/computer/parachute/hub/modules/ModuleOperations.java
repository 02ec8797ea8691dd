package computer.parachute.hub.modules;

import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.core.fs.StampedCache;
import computer.parachute.hub.core.home.ModuleNames;
import computer.parachute.hub.core.manifest.ModuleManifest;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesFileException;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.manifest.ShortNames;
import computer.parachute.hub.core.manifest.StartCommand;
import computer.parachute.hub.core.manifest.StartCommands;
import computer.parachute.hub.supervisor.LogTail;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.SpawnRequest;
import computer.parachute.hub.supervisor.SpawnRequests;
import computer.parachute.hub.supervisor.Supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the module-ops API does (DESIGN §6): any module with a services.json row can be started, stopped,
 * restarted and read; the row is read afresh on each call, so rows added after boot work without a hub restart.
 * Failures are {@link HubApiException}s with the codes of DESIGN §6.
 */
public final class ModuleOperations {
    private final ServicesRegistry registry;
    private final Supervisor supervisor;
    private final SpawnRequests requests;
    private volatile InstalledRows installedRows;
    /** Each module's module.json as last read, until it changes (a restart re-resolves the command). */
    private final StampedCache<ModuleManifest> manifests = new StampedCache<>();

    public ModuleOperations(ServicesRegistry registry, Supervisor supervisor, SpawnRequests requests) {
        this.registry = registry;
        this.supervisor = supervisor;
        this.requests = requests;
    }

    /** 400 {@code invalid_module} unless {@code shortName} is a valid short name. */
    public static String requireValidName(String shortName) {
        if (!ModuleNames.isValidShort(shortName)) {
            throw ModuleErrors.invalidModule(shortName == null ? "" : shortName);
        }
        return shortName;
    }

    public ModuleSnapshot start(String shortName) {
        SpawnRequest request = requestFor(shortName);
        try {
            return supervisor.start(request);
        } catch (RuntimeException e) {
            throw ModuleErrors.failed(shortName, "start", e);
        }
    }

    /** The module's state after the stop, or empty when it was not supervised (not an error: stop is idempotent). */
    public Optional<ModuleSnapshot> stop(String shortName) {
        try {
            return supervisor.stop(shortName);
        } catch (RuntimeException e) {
            throw ModuleErrors.failed(shortName, "stop", e);
        }
    }

    public ModuleSnapshot restart(String shortName) {
        if (supervisor.get(shortName).isEmpty()) {
            throw ModuleErrors.notSupervised(shortName);
        }
        SpawnRequest rebuilt = requestFor(shortName);
        try {
            return supervisor.restart(shortName, rebuilt).orElseThrow(() -> ModuleErrors.notSupervised(shortName));
        } catch (HubApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ModuleErrors.failed(shortName, "restart", e);
        }
    }

    public ModuleView get(String shortName) {
        ServicesRead read = installed();
        Optional<ServiceEntry> row = read.byShort(shortName);
        Optional<ModuleSnapshot> live = supervisor.get(shortName);
        if (row.isEmpty() && live.isEmpty()) {
            throw registryInvalid(read).orElseGet(() -> ModuleErrors.unknown(shortName));
        }
        return ModuleView.of(shortName, row.map(InstalledModule::of).orElse(null), live.orElse(null));
    }

    public List<String> logs(String shortName) {
        return supervisor.logs(shortName).orElseThrow(() -> ModuleErrors.notSupervised(shortName));
    }

    /**
     * The buffered lines and a subscription of {@code follower} to every later one, with nothing lost between;
     * 404 {@code not_supervised} for an unknown module.
     */
    public LogTail follow(String shortName, Consumer<String> follower) {
        return supervisor.follow(shortName, follower).orElseThrow(() -> ModuleErrors.notSupervised(shortName));
    }

    public boolean isSupervised(String shortName) {
        return supervisor.get(shortName).isPresent();
    }

    /** Every installed module (file order) and then every supervised one without a row. */
    public List<ModuleView> catalog() {
        Map<String, ModuleSnapshot> live = new LinkedHashMap<>();
        supervisor.list().forEach(s -> live.put(s.shortName(), s));
        List<ModuleView> views = new ArrayList<>();
        for (Map.Entry<String, InstalledModule> row : installedRows(installed())) {
            views.add(ModuleView.of(row.getKey(), row.getValue(), live.remove(row.getKey())));
        }
        live.forEach((shortName, snapshot) -> views.add(ModuleView.of(shortName, null, snapshot)));
        return views;
    }

    /**
     * The services.json side of the catalog (short name → row), worked out once per reading: the registry shares one
     * reading until the file changes, and the short-name lookups and start-error parsing were most of what a status
     * request allocated in the catalog (issue 10).
     */
    private List<Map.Entry<String, InstalledModule>> installedRows(ServicesRead read) {
        InstalledRows last = installedRows;
        if (last != null && last.read() == read) {
            return last.rows();
        }
        List<Map.Entry<String, InstalledModule>> rows = new ArrayList<>();
        for (ServiceEntry entry : read.entries()) {
            ShortNames.forManifest(entry.name()).ifPresent(shortName ->
                    rows.add(Map.entry(shortName, InstalledModule.of(entry))));
        }
        installedRows = new InstalledRows(read, List.copyOf(rows));
        return rows;
    }

    private record InstalledRows(ServicesRead read, List<Map.Entry<String, InstalledModule>> rows) {}

    private SpawnRequest requestFor(String shortName) {
        ServicesRead read = installed();
        ServiceEntry entry = read.byShort(shortName).orElseThrow(() ->
                registryInvalid(read).orElseGet(() -> ModuleErrors.notInstalled(shortName)));
        requests.refusal(shortName, entry).ifPresent(reason -> {
            throw ModuleErrors.refusedRow(reason);
        });
        StartCommand command = StartCommands.resolve(entry, manifests);
        if (command instanceof StartCommand.Skipped skipped) {
            throw ModuleErrors.noStartCmd(skipped.description());
        }
        try {
            return requests.forModule(shortName, entry, (StartCommand.Resolved) command);
        } catch (RuntimeException e) {
            throw ModuleErrors.failed(shortName, "start", e);
        }
    }

    private ServicesRead installed() {
        return registry.readLenient();
    }

    /**
     * When a name has no row and the lenient read skipped something, the strict reader's error (naming the file,
     * the problem and the fix): the module may be in the part that does not parse, so "not installed" could be a lie.
     */
    private Optional<HubApiException> registryInvalid(ServicesRead read) {
        if (read.warnings().isEmpty()) {
            return Optional.empty();
        }
        try {
            registry.readStrict();
            return Optional.empty();
        } catch (ServicesFileException e) {
            return Optional.of(ModuleErrors.registryInvalid(e.getMessage()));
        }
    }
}
