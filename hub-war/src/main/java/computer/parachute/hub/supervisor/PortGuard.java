package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.PortOwner;
import computer.parachute.hub.core.net.PortOwnerLookup;
import computer.parachute.hub.core.net.PortProbe;
import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who holds a module's port before a spawn or after a crash (DESIGN §5; reference §9.2 #580, #582). The holder is an
 * orphan of this same module only when the hub can prove it started it: a child record of this module with the
 * holder's pid and start time, or the holder carries the spawn id of such a record. Then its whole family is ended
 * and the caller proceeds. Anyone else, whatever its command line looks like, is a squatter: named (pid + command
 * line) in a {@code port_squatter} error and never signalled.
 */
final class PortGuard {
    private final PortProbe probe;
    private final PortOwnerLookup owners;
    private final ProcessTable processTable;
    private final ProcessTree tree;
    private final ProcessFamilies families;
    private final ChildRecords records;
    private final Duration orphanGrace;

    PortGuard(PortProbe probe, PortOwnerLookup owners, ProcessTable processTable, ProcessTree tree,
              ProcessFamilies families, ChildRecords records, Duration orphanGrace) {
        this.probe = probe;
        this.owners = owners;
        this.processTable = processTable;
        this.tree = tree;
        this.families = families;
        this.records = records;
        this.orphanGrace = orphanGrace;
    }

    /** Empty when the port is free (after ending a proven orphan of this module), else the squatter error. */
    Optional<StartError> clear(SpawnRequest request, Instant now) {
        OptionalInt port = request.port();
        if (port.isEmpty()) {
            return Optional.empty();
        }
        // The common case, a free port, answers a loopback connect with a refusal in microseconds; the owner look-up
        // reads /proc/net/tcp{,6}, which the kernel builds by walking its whole socket hash (~5 ms here, on every
        // spawn and crash). A listener the connect cannot reach (another address only) does not stop a module
        // binding 127.0.0.1 either.
        if (!probe.isListening(port.getAsInt())) {
            return Optional.empty();
        }
        Optional<PortOwner> owner = owners.ownerOf(port.getAsInt());
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<ChildRecord> proof = processTable.find(owner.get().pid())
                .flatMap(live -> provenOrphan(request.shortName(), live));
        if (proof.isPresent()) {
            ChildRecord record = proof.get();
            families.terminate(List.of(record.family()), orphanGrace, request.shortName() + ": orphan pid "
                    + owner.get().pid() + " on port " + port.getAsInt() + " (spawned by the hub as pid "
                    + record.pid() + ")");
            records.delete(record.shortName(), record.pid());
            return Optional.empty();
        }
        return Optional.of(squatter(request, port.getAsInt(), owner.get(), now));
    }

    /** The record of this module that proves {@code live} ours, if any. */
    Optional<ChildRecord> provenOrphan(String shortName, ProcessSnapshot live) {
        List<ChildRecord> ofModule = records.all().stream().filter(r -> r.shortName().equals(shortName)).toList();
        if (ofModule.isEmpty() || families.isHub(live.pid())) {
            return Optional.empty();
        }
        Optional<String> spawnId = tree.spawnIdOf(live.pid());
        return ofModule.stream()
                .filter(r -> r.family().leader().sameIncarnation(live)
                        || (r.spawnId() != null && spawnId.filter(r.spawnId()::equals).isPresent()))
                .findFirst();
    }

    private static StartError squatter(SpawnRequest request, int port, PortOwner owner, Instant now) {
        String shortName = request.shortName();
        return StartError.of(StartErrorType.PORT_SQUATTER, "port " + port + " is held by " + owner.describe()
                + " outside the supervisor — kill it and retry: kill " + owner.pid() + " && parachute start "
                + shortName, null, now);
    }
}
