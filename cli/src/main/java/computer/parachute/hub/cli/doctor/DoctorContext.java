package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.ParachuteCli;
import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.cli.hub.HealthInfo;
import computer.parachute.hub.core.home.HubHome;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.manifest.ServicesRead;
import computer.parachute.hub.core.manifest.ServicesRegistry;
import computer.parachute.hub.core.net.PortOwnerLookup;
import computer.parachute.hub.core.net.ProcPortOwnerLookup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks share, each read once per doctor run: services.json (lenient), the hub's /health, the live module
 * list (only when the hub answers and a token works), and the port-owner lookup. Fixes that are CLI verbs run the
 * verb itself in-process ({@link #runVerb}), so a fix behaves exactly like the command it prints.
 */
public final class DoctorContext {
    private final CliEnvironment env;
    private final PortOwnerLookup owners;
    private ServicesRead services;
    private Optional<HealthInfo> health;
    private Map<String, ModuleSnapshot> live;

    public DoctorContext(CliEnvironment env, PortOwnerLookup owners) {
        this.env = env;
        this.owners = owners;
    }

    public static DoctorContext forProcess(CliEnvironment env) {
        return new DoctorContext(env, new ProcPortOwnerLookup());
    }

    public CliEnvironment env() { return env; }
    public HubHome home() { return env.home(); }
    public int hubPort() { return env.hubPort(); }
    public PortOwnerLookup owners() { return owners; }

    public ServicesRead services() {
        if (services == null) {
            services = new ServicesRegistry(home().servicesJson()).readLenient();
        }
        return services;
    }

    public List<ServiceEntry> modules() {
        return services().entries();
    }

    public Optional<HealthInfo> health() {
        if (health == null) {
            health = env.health().probe(hubPort());
        }
        return health;
    }

    public boolean hubUp() {
        return health().filter(HealthInfo::isHub).isPresent();
    }

    /** The supervisor's view by short name; empty when the hub is down or will not answer this CLI. */
    public Map<String, ModuleSnapshot> live() {
        if (live == null) {
            live = new HashMap<>();
            if (hubUp()) {
                try {
                    env.moduleOps(hubPort()).modules().forEach(snapshot -> live.put(snapshot.shortName(), snapshot));
                } catch (Exception e) {
                    // no token, or the API refused: the token checks say why; module checks use what they can see
                }
            }
        }
        return live;
    }

    /** Forgets what was read, so a second pass after fixes sees the new state. */
    public DoctorContext fresh() {
        return new DoctorContext(env, owners);
    }

    /** Runs {@code parachute <args>} in this process, printing what it prints; throws when it fails. */
    public String runVerb(String... args) throws Exception {
        String command = "parachute " + String.join(" ", args);
        int code = ParachuteCli.execute(args, env);
        if (code != 0) {
            throw new IllegalStateException("`" + command + "` exited " + code);
        }
        return "ran `" + command + "`";
    }
}
