/**
 * The Supervisor (DESIGN §5): owns the module child processes, their state, and everything the hub signals.
 *
 * <h2>Start</h2>
 * {@link computer.parachute.hub.supervisor.Supervisor#start} takes the module's operation lock, moves the entry to
 * {@code starting} and hands it to {@code ModuleSpawner}: {@code CommandPreflight} resolves {@code cmd[0]} on the
 * child's PATH ({@code missing_dependency}, {@code non_executable}); {@code PortGuard} looks at whoever holds the
 * port ({@code port_squatter} unless proven ours); the launcher spawns the resolved absolute path with a fresh
 * {@code PARACHUTE_SPAWN_ID} in the environment ({@code SpawnIdentity}); the child is recorded in hub.db
 * ({@code ChildRecords}: pid, start time, spawn id) and the entry is {@code running}. Any exception on the way,
 * expected or not (a NUL in the command), ends {@code crashed} with {@code spawn_failed}. The readiness gate runs
 * after the lock is released ({@code StartupWatch}).
 *
 * <h2>The crash path</h2>
 * <ol>
 *   <li>The child exits; its {@code onExit} future runs {@code ExitHandler.exited} on the worker pool (registered
 *       at attach whatever else failed, so no exit goes uninterpreted).</li>
 *   <li>The output drain is awaited (≤ {@code OUTPUT_DRAIN}); an exit of an older generation, or after a requested
 *       stop, is settled there ({@code stopped}) and the stopper ends the rest of the family.</li>
 *   <li>Otherwise it is a crash, even with code 0: the child's family (every process carrying its spawn id, e.g. a
 *       daemonized listener still on the port) gets its SIGTERM through {@code ProcessFamilies}; what that scan
 *       found is awaited (grace, SIGKILL) and the record deleted. When it found nothing (a module that was just its
 *       leader), the second look for a fork that raced the scan, and the record's deletion, wait until step 5 has
 *       scheduled the respawn.</li>
 *   <li>{@code PortGuard} checks the port again: a foreign holder ends the module {@code crashed} +
 *       {@code port_squatter} without spending budget.</li>
 *   <li>Else {@code RestartBudget} decides: exhausted gives up ({@code crashed}); otherwise {@code restarting} with a
 *       respawn scheduled after {@code Backoff} (the first immediate). The respawn takes the operation lock and
 *       goes through the same spawner; a start or stop meanwhile invalidates it (respawn token).</li>
 *   <li>Any unexpected exception in 2–5 logs once and ends {@code crashed} + {@code spawn_failed}: a dead pid never
 *       stays {@code running}, and a stop waiting on the exit is released.</li>
 * </ol>
 *
 * <h2>Ownership and signals</h2>
 * The hub signals only processes it can prove it started: its live child (pid + start time), a hub.db child record
 * (pid + start time), or a process whose {@code /proc/<pid>/environ} carries the spawn id of one of them. A command
 * line is never proof. Every signal goes through {@code ProcessFamilies}, which refuses the hub's own pid and group
 * and logs pid, signal and reason; {@code HandleSignals} delivers it with {@link java.lang.ProcessHandle}, whose
 * destroy re-checks the start time, so a reused pid is never hit. Stop, hub shutdown, crash clean-up and orphan
 * reaping all end a family the same way: SIGTERM to every member, the grace, SIGKILL to what is left
 * (re-enumerated, so a fork made meanwhile is caught), awaited. Leaders are signalled before the scan for the rest;
 * a hub shutdown ends all idle modules as one batch (one scan per phase for all families). {@code ProcProcessTree}
 * reads {@code environ} only for a process born no earlier than the spawn's leader ({@code ProcessTree#birthOf},
 * taken at spawn): a descendant is never older than its ancestor. A restart whose first scan found only the leader
 * spawns the new child once the old one's exit settled and runs the second look before the new port is probed.
 *
 * <h2>What escapes, and how cgroups would close it</h2>
 * The spawn id lives in the environment a process was exec'd with. A descendant that replaces its environment
 * ({@code env -i}, {@code execve} with a fresh env) and also leaves the module's process group and session
 * (daemonizes) carries nothing that ties it to the module: the hub cannot prove it started it, so it never signals
 * it, and it survives a stop. Without /proc (macOS) members cannot be enumerated at all: stop falls back to group
 * signals through {@code /bin/kill}, so anything that left the group escapes. A cgroup per module would close both:
 * spawn each child into its own cgroup (systemd's {@code Delegate=yes} on the hub unit, or {@code systemd-run
 * --user --scope}); membership is inherited by every descendant and cannot be shed by an unprivileged process, and
 * {@code cgroup.kill} (Linux 5.14) ends the whole set atomically, with no pid-reuse window.
 */
package computer.parachute.hub.supervisor;
