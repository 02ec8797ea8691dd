package computer.parachute.hub.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import computer.parachute.hub.core.process.ProcessSnapshot;
import computer.parachute.hub.core.process.ProcessTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's filters over a /proc laid out by the test: which processes count as a lineage's members, and which
 * ones the birth bound keeps out even though their environ carries the spawn id (an environ that was not consulted).
 */
class ProcProcessTreeTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private static final long LEADER_BIRTH = 1_000;
    private static final long KERNEL_THREAD = 0x00200000L;

    @TempDir Path proc;
    private ProcProcessTree tree;

    @BeforeEach
    void layOut() throws IOException {
        process("self", 'S', 7, 7, 0, 10, "");
        // the leader (group and session its own) and a daemon of it in another session: both carry the id
        process("1200", 'S', 1200, 1200, 0, LEADER_BIRTH, SpawnIdentity.VARIABLE + "=" + ID);
        process("1300", 'S', 1310, 1310, 0, LEADER_BIRTH + 50, "HOME=/x\0" + SpawnIdentity.VARIABLE + "=" + ID);
        // the id without the leader's group, born before the leader: not a descendant, never taken for one
        process("900", 'S', 900, 900, 0, LEADER_BIRTH - 1, SpawnIdentity.VARIABLE + "=" + ID);
        // born later, another id or none; a zombie and a kernel thread with the id
        process("1400", 'S', 1400, 1400, 0, LEADER_BIRTH + 60, SpawnIdentity.VARIABLE + "=" + ID.replace('0', 'f'));
        process("1500", 'S', 1500, 1500, 0, LEADER_BIRTH + 70, "PATH=/bin");
        process("1600", 'Z', 1600, 1600, 0, LEADER_BIRTH + 80, SpawnIdentity.VARIABLE + "=" + ID);
        process("1700", 'S', 0, 0, KERNEL_THREAD, LEADER_BIRTH + 90, SpawnIdentity.VARIABLE + "=" + ID);
        // in the leader's group though born earlier (the group alone proves it while the leader lives)
        process("800", 'S', 1200, 800, 0, LEADER_BIRTH - 5, "");
        Files.createDirectories(proc.resolve("net"));
        ProcessTable table = pid -> Optional.of(new ProcessSnapshot(pid, Instant.ofEpochSecond(pid), "p" + pid));
        tree = new ProcProcessTree(proc, table);
    }

    @Test
    void aLineageBoundByItsLeadersBirthFindsTheDaemonAndGroupButNeverAnOlderCarrier() {
        List<List<ProcessSnapshot>> members = tree.members(List.of(
                new ProcessTree.Lineage(ID, 1200, LEADER_BIRTH)));

        assertEquals(Set.of(1200L, 1300L, 800L), pids(members.get(0)));
    }

    @Test
    void withoutABirthBoundEveryLiveCarrierCounts() {
        assertEquals(Set.of(1200L, 1300L, 900L), pids(tree.family(ID, 0)));
    }

    @Test
    void oneScanAnswersEachLineageApart() {
        String other = ID.replace('0', 'f');
        List<List<ProcessSnapshot>> members = tree.members(List.of(new ProcessTree.Lineage(ID, 0, LEADER_BIRTH),
                new ProcessTree.Lineage(other, 0, LEADER_BIRTH), new ProcessTree.Lineage(null, 1500, 0)));

        assertEquals(Set.of(1200L, 1300L), pids(members.get(0)));
        assertEquals(Set.of(1400L), pids(members.get(1)));
        assertEquals(Set.of(1500L), pids(members.get(2)));
    }

    @Test
    void birthGroupAndSpawnIdAreReadFromStatAndEnviron() {
        assertEquals(LEADER_BIRTH + 50, tree.birthOf(1300));
        assertEquals(1310, tree.groupOf(1300));
        assertEquals(Optional.of(ID), tree.spawnIdOf(1300));
        assertEquals(0, tree.birthOf(4242), "no such process");
        assertEquals(Optional.empty(), tree.spawnIdOf(1500));
    }

    @Test
    void aStatLongerThanTheReadBufferIsParsedWhole() throws IOException {
        Path dir = Files.createDirectories(proc.resolve("2000"));
        Files.writeString(dir.resolve("stat"), "2000 (" + "x".repeat(3000) + ") S 1 2000 2000 0 -1 0 0 0 0 0 3 4 0 0"
                + " 20 0 1 0 " + (LEADER_BIRTH + 5) + " 1000 10" + " 18446744073709551615".repeat(40) + "\n");
        Files.writeString(dir.resolve("environ"), SpawnIdentity.VARIABLE + "=" + ID + "\0");

        assertEquals(LEADER_BIRTH + 5, tree.birthOf(2000));
        assertEquals(Set.of(1200L, 1300L, 2000L), pids(tree.members(List.of(
                new ProcessTree.Lineage(ID, 0, LEADER_BIRTH))).get(0)));
    }

    /** {@code /proc/<name>/stat} (a command name with spaces and parentheses) and {@code environ}. */
    private void process(String name, char state, long group, long session, long flags, long birth, String environ)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(name));
        String pid = "self".equals(name) ? "7" : name;
        // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime
        // cstime priority nice num_threads itrealvalue starttime vsize ...
        String stat = pid + " (a (b) c) " + state + " 1 " + group + " " + session + " 0 -1 " + flags
                + " 0 0 0 0 3 4 0 0 20 0 1 0 " + birth + " 1000 10 18446744073709551615\n";
        Files.writeString(dir.resolve("stat"), stat, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("environ"), environ.isEmpty() ? "" : environ + "\0", StandardCharsets.UTF_8);
    }

    private static Set<Long> pids(List<ProcessSnapshot> members) {
        return members.stream().map(ProcessSnapshot::pid).collect(Collectors.toSet());
    }
}
