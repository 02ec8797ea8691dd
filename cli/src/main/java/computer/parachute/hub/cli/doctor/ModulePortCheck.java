package computer.parachute.hub.cli.doctor;

import computer.parachute.hub.cli.client.ModuleSnapshot;
import computer.parachute.hub.core.manifest.ServiceEntry;
import computer.parachute.hub.core.net.PortOwner;

import java.util.Optional;

/**
 * The module's port is free or held by the module's own supervised process (or a descendant of it); anything else
 * is a squatter, named by pid and command line, and never signalled by the doctor.
 */
final class ModulePortCheck extends ModuleCheck {
    private static final int MAX_ANCESTRY = 32;

    @Override public String id() { return "port"; }

    @Override
    Optional<Finding> check(DoctorContext context, ServiceEntry entry, String shortName) {
        String id = idFor(shortName);
        int port = entry.port();
        Optional<PortOwner> owner = context.owners().ownerOf(port);
        if (owner.isEmpty()) {
            return Optional.of(Finding.ok(id, "port " + port + " is free"));
        }
        ModuleSnapshot live = context.live().get(shortName);
        if (live != null && live.pid() != null && descendsFrom(owner.get().pid(), live.pid())) {
            return Optional.of(Finding.ok(id, "port " + port + " is held by " + shortName + " (pid " + owner.get().pid() + ")"));
        }
        return Optional.of(Finding.fail(id, "port " + port + " is held by " + owner.get().describe() + ", not by "
                + shortName + "'s supervised process", "stop pid " + owner.get().pid() + " (kill " + owner.get().pid()
                + ") if it is not needed, or move " + shortName + ": parachute install "
                + (entry.installDir() == null ? "<dir>" : entry.installDir()) + " --port <free port>"));
    }

    private static boolean descendsFrom(long pid, long ancestor) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        for (int depth = 0; depth < MAX_ANCESTRY && process.isPresent(); depth++) {
            if (process.get().pid() == ancestor) {
                return true;
            }
            process = process.get().parent();
        }
        return false;
    }
}
