package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.process.ProcessSnapshot;
import java.time.Instant;

/**
 * One row of hub.db {@code child_processes}: a module process this hub spawned and has not yet seen end. What proves
 * a live process ours is {@code pid} + {@code startTime}, or {@code spawnId} in its environment (null on rows written
 * before spawn ids); the command line is only for the log.
 */
public record ChildRecord(String shortName, long pid, Instant startTime, String commandLine, Instant recordedAt,
                          String spawnId) {
    ProcessFamilies.Family family() {
        return new ProcessFamilies.Family(shortName, new ProcessSnapshot(pid, startTime, commandLine), spawnId);
    }
}
