package computer.parachute.hub.supervisor;

/** A child just spawned for a module, and the entry generation it belongs to. */
record Spawned(ChildProcess child, long generation) {
}
