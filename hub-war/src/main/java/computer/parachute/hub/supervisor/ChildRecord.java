package computer.parachute.hub.supervisor;

import java.time.Instant;

/** One row of hub.db {@code child_processes}: a module process this hub spawned and has not yet seen exit. */
public record ChildRecord(String shortName, long pid, Instant startTime, String commandLine, Instant recordedAt) {
}
