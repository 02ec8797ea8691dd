package computer.parachute.hub.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The /proc/net/tcp{,6} line scan: only LISTEN sockets on the asked port count, TIME_WAIT and others never. */
class ProcTcpTableTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    private static final String LISTEN_V4 = "   0: 0100007F:B9C0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 48213 1 0000000000000000 100 0 0 10 0";
    private static final String TIME_WAIT_V4 = "   1: 0100007F:B9C0 0100007F:D3A2 06 00000000:00000000 03:00000E8B 00000000     0        0 0 3 0000000000000000";
    private static final String ESTABLISHED_V4 = "   2: 0100007F:B9C0 0100007F:D3A4 01 00000000:00000000 00:00000000 00000000     0        0 48999 1 0000000000000000 20 4 30 10 -1";
    private static final String LISTEN_V6 = "   0: 0000000000000000FFFF00000100007F:B9C1 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 51234 1 0000000000000000 100 0 0 10 0";

    @TempDir
    Path dir;

    @Test
    void aListenLineOnThePortGivesItsInode() {
        assertEquals("48213", ProcPortOwnerLookup.listeningInode(LISTEN_V4, ":B9C0"));
        assertEquals("51234", ProcPortOwnerLookup.listeningInode(LISTEN_V6, ":B9C1"));
    }

    @Test
    void otherStatesOtherPortsAndTheHeaderGiveNothing() {
        assertNull(ProcPortOwnerLookup.listeningInode(TIME_WAIT_V4, ":B9C0"));
        assertNull(ProcPortOwnerLookup.listeningInode(ESTABLISHED_V4, ":B9C0"));
        assertNull(ProcPortOwnerLookup.listeningInode(LISTEN_V4, ":B9C1"));
        assertNull(ProcPortOwnerLookup.listeningInode(LISTEN_V4, ":9C0"));
        assertNull(ProcPortOwnerLookup.listeningInode(HEADER, ":B9C0"));
        assertNull(ProcPortOwnerLookup.listeningInode("", ":B9C0"));
        assertNull(ProcPortOwnerLookup.listeningInode("   0: 0100007F:B9C0 00000000:0000 0A", ":B9C0"));
    }

    @Test
    void aWholeTableYieldsOnlyTheListener() throws Exception {
        Path table = Files.writeString(dir.resolve("tcp"),
                String.join("\n", HEADER, TIME_WAIT_V4, ESTABLISHED_V4, LISTEN_V4, TIME_WAIT_V4) + "\n");
        assertEquals(Set.of("48213"), ProcPortOwnerLookup.listeningInodes(table, 0xB9C0));
        assertEquals(Set.of(), ProcPortOwnerLookup.listeningInodes(table, 0xB9C1));
        assertEquals(Set.of(), ProcPortOwnerLookup.listeningInodes(dir.resolve("absent"), 0xB9C0));
    }
}
