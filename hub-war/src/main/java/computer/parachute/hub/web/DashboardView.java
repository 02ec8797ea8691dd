package computer.parachute.hub.web;

import computer.parachute.hub.api.HealthCheck;
import computer.parachute.hub.api.HubApiException;
import computer.parachute.hub.app.HubInstance;
import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.manifest.ShortNames;
import computer.parachute.hub.modules.ModuleOperations;
import computer.parachute.hub.modules.ModuleView;
import computer.parachute.hub.supervisor.ModuleSnapshot;
import computer.parachute.hub.supervisor.StartError;
import computer.parachute.hub.supervisor.Supervisor;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows, shaped for its JSON: the hub row, one row per module (the services.json side merged with
 * the supervisor's), and the registry's problems for the banner. Read-only; every call reads current state.
 */
public final class DashboardView {
    /** The hub itself. */
    public record HubRow(String version, String instance, Instant startedAt, String home, String db, String dbState,
                         String servicesFile) {}

    /** A start error with the sentence that says how to fix it. */
    public record ErrorRow(String type, String description, String binary, Instant at, String fix) {}

    /** One module, as a row of the page. {@code state} is null for a module the hub has not run since it started. */
    public record ModuleRow(String shortName, String name, String displayName, Integer port, String url, boolean installed,
                            String state, Long pid, Instant startedAt, int restartsInWindow, Integer lastExitCode,
                            Instant lastCrashAt, ErrorRow startError, boolean ready) {}

    /** Every module, and what is wrong with services.json (empty when nothing). */
    public record Catalog(List<ModuleRow> modules, List<String> registryWarnings) {}

    private final ModuleOperations modules;
    private final ServicesRegistry registry;
    private final Supervisor supervisor;
    private final HealthCheck health;
    private final HubInstance instance;
    private final HubConfig config;
    private final String version;

    public DashboardView(ModuleOperations modules, ServicesRegistry registry, Supervisor supervisor, HealthCheck health,
                         HubInstance instance, HubConfig config, String version) {
        this.modules = modules;
        this.registry = registry;
        this.supervisor = supervisor;
        this.health = health;
        this.instance = instance;
        this.config = config;
        this.version = version;
    }

    public HubRow hub() {
        return new HubRow(version, instance.id(), instance.startedAt(), config.home().toString(),
                config.home().hubDb().toString(), health.report().db(), registry.file().toString());
    }

    public Catalog catalog() {
        ServicesRead read = registry.readLenient();
        Map<String, String> displayNames = displayNames(read);
        List<ModuleRow> rows = modules.catalog().stream()
                .map(view -> row(view, supervisor.get(view.shortName()).orElse(null), displayNames.get(view.shortName())))
                .toList();
        return new Catalog(rows, read.warnings());
    }

    /** The row after a change the supervisor published, or empty when the module is gone from both sides. */
    public Optional<ModuleRow> row(ModuleSnapshot change) {
        try {
            ModuleView view = modules.get(change.shortName());
            return Optional.of(row(view, change, displayNames(registry.readLenient()).get(change.shortName())));
        } catch (HubApiException e) {
            return Optional.empty();
        }
    }

    /** The row of one module now; empty when the hub knows no such module. */
    public Optional<ModuleRow> row(String shortName) {
        return supervisor.get(shortName).map(this::row).orElseGet(() -> {
            try {
                ModuleView view = modules.get(shortName);
                return Optional.of(row(view, null, displayNames(registry.readLenient()).get(shortName)));
            } catch (HubApiException e) {
                return Optional.empty();
            }
        });
    }

    /** The supervisor's snapshot (when there is one) wins over the view for everything that changes while it runs. */
    private static ModuleRow row(ModuleView view, ModuleSnapshot live, String displayName) {
        StartError error = live != null && live.startError() != null ? live.startError() : view.startError();
        return new ModuleRow(view.shortName(), view.name(), displayName, view.port(),
                view.port() == null ? null : "http://127.0.0.1:" + view.port() + "/", view.installed(),
                live == null ? view.supervisorStatus() : live.state(),
                live == null ? view.pid() : live.pid(),
                live == null ? view.startedAt() : live.startedAt(),
                live == null ? view.restartsInWindow() : live.restartsInWindow(),
                live == null ? view.lastExitCode() : live.lastExitCode(),
                live == null ? view.lastCrashAt() : live.lastCrashAt(),
                error == null ? null : new ErrorRow(error.type(), error.description(), error.binary(), error.at(),
                        StartErrorFixes.fix(error)),
                live != null && live.ready());
    }

    private static Map<String, String> displayNames(ServicesRead read) {
        Map<String, String> names = new HashMap<>();
        for (ServiceEntry entry : read.entries()) {
            if (entry.displayName() != null) {
                ShortNames.forManifest(entry.name()).ifPresent(shortName -> names.put(shortName, entry.displayName()));
            }
        }
        return names;
    }
}
