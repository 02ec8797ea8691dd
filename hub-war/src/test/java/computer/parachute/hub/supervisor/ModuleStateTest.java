package computer.parachute.hub.supervisor;

import static computer.parachute.hub.supervisor.ModuleState.CRASHED;
import static computer.parachute.hub.supervisor.ModuleState.RESTARTING;
import static computer.parachute.hub.supervisor.ModuleState.RUNNING;
import static computer.parachute.hub.supervisor.ModuleState.STARTING;
import static computer.parachute.hub.supervisor.ModuleState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModuleStateTest {
    /** The allowed arrows, written out independently of the production table. */
    private static final Set<List<ModuleState>> ALLOWED = Set.of(
            List.of(STARTING, RUNNING), List.of(STARTING, CRASHED),
            List.of(RUNNING, STOPPED), List.of(RUNNING, RESTARTING), List.of(RUNNING, CRASHED),
            List.of(RESTARTING, STARTING), List.of(RESTARTING, STOPPED),
            List.of(STOPPED, STARTING),
            List.of(CRASHED, STARTING), List.of(CRASHED, STOPPED));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ModuleState from : ModuleState.values()) {
            for (ModuleState to : ModuleState.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void tableAllowsExactlyTheDesignedArrows(ModuleState from, ModuleState to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void transitionEnforcesTheTableAndNamesTheModule(ModuleState from, ModuleState to, boolean allowed) {
        ModuleEntry entry = entryIn(from);
        synchronized (entry.lock) {
            if (allowed) {
                entry.transition(to, "test");
                assertEquals(to, entry.state());
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> entry.transition(to, "t"));
                assertTrue(e.getMessage().contains("vault") && e.getMessage().contains(from.wireName())
                        && e.getMessage().contains(to.wireName()), e.getMessage());
            }
        }
    }

    @Test
    void transitionOutsideTheLockIsRefused() {
        ModuleEntry entry = entryIn(STOPPED);
        assertThrows(IllegalStateException.class, () -> entry.transition(STARTING, "no lock"));
    }

    @Test
    void groupsAndWireNames() {
        assertEquals(Set.of(STARTING, RUNNING), ModuleState.LIVE);
        assertEquals(Set.of(STOPPED, CRASHED), ModuleState.AT_REST);
        assertEquals("restarting", RESTARTING.wireName());
    }

    /** Walks a fresh entry (which begins stopped) along allowed arrows to {@code target}. */
    private static ModuleEntry entryIn(ModuleState target) {
        ModuleEntry entry = new ModuleEntry("vault", null, SupervisorSettings.defaults().freshBudget(), new ModuleEvents());
        List<ModuleState> path = switch (target) {
            case STOPPED -> List.of();
            case STARTING -> List.of(STARTING);
            case RUNNING -> List.of(STARTING, RUNNING);
            case CRASHED -> List.of(STARTING, CRASHED);
            case RESTARTING -> List.of(STARTING, RUNNING, RESTARTING);
        };
        synchronized (entry.lock) {
            path.forEach(state -> entry.transition(state, "setup"));
        }
        return entry;
    }
}
