package computer.parachute.hub.cli.fault;

import computer.parachute.hub.core.testing.Poll;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The suite's invariants, checked against the real hub, /proc and the registry file:
 * (1) at most one live spawn per module (its processes, daemonized or not, all carry one spawn id); (2) every live
 * spawn is the one the current hub reports (so nothing of an earlier hub generation survives its successor's boot),
 * and every pid it reports running is alive; (3) a module port is held only by that module's supervised spawn;
 * (4) services.json holds exactly what the test wrote; (6) /health answers 200.
 * Invariant (5), a JSON body with an error code on every API answer, is judged by {@link HubApi} as answers arrive.
 */
final class InvariantChecker {
    /** In-flight transitions (a respawn after a kill, a crash loop giving up) get this long to settle. */
    static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Set<String> PROCESS_STATES = Set.of("running", "starting");
    /** A pending respawn (at most the backoff away) or a start in flight: not a state to be left in. */
    private static final Set<String> TRANSIENT_STATES = Set.of("restarting", "starting");

    private final FaultRig rig;

    InvariantChecker(FaultRig rig) {
        this.rig = rig;
    }

    /** Polls until every invariant holds (bounded); returns what still failed at the deadline (empty = all held). */
    List<String> settle() {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        Poll.until(SETTLE, () -> {
            last.set(check());
            return last.get().isEmpty();
        });
        return last.get();
    }

    /** One pass over every invariant; each failure is one line naming the module, pid and what is wrong. */
    List<String> check() {
        List<String> failures = new ArrayList<>();
        HubApi.Answer health = rig.api.get("/health");
        if (health.status() != 200) {
            failures.add("(6) /health answered " + health.status());
            return failures;
        }
        checkServices(failures);
        Map<String, Reported> reported = reported(failures);
        if (reported == null) {
            return failures;
        }
        Map<String, Set<String>> spawns = new HashMap<>();
        rig.census.scan().forEach(p -> spawns.computeIfAbsent(p.shortName(), k -> new TreeSet<>())
                .add(p.spawnId() == null ? "none (pid " + p.pid() + ")" : p.spawnId()));
        spawns.forEach((shortName, ids) -> checkSpawns(shortName, ids, reported.get(shortName), failures));
        reported.forEach((shortName, module) -> {
            // no state yet: the hub answers before it boots its modules, so right after a hub restart an installed
            // module is listed unsupervised for a moment; that is not settled either
            if (module.state() == null) {
                failures.add("(settle) " + shortName + " is not supervised yet");
            } else if (TRANSIENT_STATES.contains(module.state())) {
                failures.add("(settle) " + shortName + " is still " + module.state());
            }
            // the pid itself, not its group: a grandchild keeps the group alive after its leader was killed
            if ("running".equals(module.state()) && module.pid() != null
                    && ProcessCensus.liveGroup(module.pid()).isEmpty()) {
                failures.add("(2) hub reports " + shortName + " running as pid " + module.pid() + ", which is gone");
            }
        });
        Map<Integer, Long> listeners = PortListeners.of(rig.modules.stream().map(FaultModule::port)
                .collect(Collectors.toSet()));
        rig.modules.forEach(module -> checkPort(module, listeners.get(module.port()), reported.get(module.shortName()),
                failures));
        return failures;
    }

    /** What the hub says about each module: state and pid, from {@code GET /api/modules}. */
    record Reported(String state, Long pid) {}

    /** The current hub's view of every module; remembers its pids as this generation's. */
    Map<String, Reported> reported(List<String> failures) {
        HubApi.Answer answer = rig.api.get("/api/modules");
        if (answer.status() != 200 || answer.json() == null) {
            failures.add("GET /api/modules answered " + answer.status());
            return null;
        }
        Map<String, Reported> reported = new HashMap<>();
        for (JsonValue row : answer.json().getJsonArray("modules")) {
            JsonObject module = row.asJsonObject();
            Long pid = module.get("pid") instanceof jakarta.json.JsonNumber n ? n.longValue() : null;
            reported.put(module.getString("short"), new Reported(module.getString("supervisor_status", null), pid));
        }
        return reported;
    }

    private void checkServices(List<String> failures) {
        try {
            if (!rig.servicesOnDisk().equals(rig.canonicalServices())) {
                failures.add("(4) services.json differs from what the test wrote");
            }
        } catch (IOException e) {
            failures.add("(4) services.json unreadable: " + e.getMessage());
        }
    }

    private void checkSpawns(String shortName, Set<String> ids, Reported reported, List<String> failures) {
        if (ids.size() > 1) {
            failures.add("(1) " + shortName + " has " + ids.size() + " live spawns " + ids);
        }
        String supervised = reported == null || reported.pid() == null ? null
                : ProcessCensus.spawnIdOf(reported.pid());
        for (String id : ids) {
            if (rig.earlierGenerationSpawns.contains(id)) {
                failures.add("(2) " + shortName + ": spawn " + id + " of an earlier hub generation is still alive");
            } else if (supervised == null || !supervised.equals(id) || !PROCESS_STATES.contains(reported.state())) {
                failures.add("(2) " + shortName + ": live spawn " + id + " is not the supervised one (hub reports "
                        + reported + ", spawn " + supervised + ")");
            }
        }
    }

    private void checkPort(FaultModule module, Long owner, Reported reported, List<String> failures) {
        if (owner == null) {
            return;
        }
        OptionalLong pgid = ProcessCensus.liveGroup(owner);
        String spawn = ProcessCensus.spawnIdOf(owner);
        boolean supervised = reported != null && reported.pid() != null && pgid.isPresent() && spawn != null
                && spawn.equals(ProcessCensus.spawnIdOf(reported.pid())) && "running".equals(reported.state());
        if (!supervised) {
            failures.add("(3) " + module.shortName() + ": port " + module.port() + " held by pid " + owner + " ("
                    + ProcessCensus.commandLine(owner) + ")"
                    + " (group " + pgid + ", spawn " + spawn + "), hub reports " + reported);
        }
    }

    /** The spawns of the current hub's live modules, for {@link FaultRig#earlierGenerationSpawns} once it is killed. */
    Set<String> currentSpawns() {
        return rig.census.scan().stream().map(ProcessCensus.ModuleProcess::spawnId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }
}
