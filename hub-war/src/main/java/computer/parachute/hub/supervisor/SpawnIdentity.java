package computer.parachute.hub.supervisor;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The per-spawn identity (DESIGN §5): a random id the supervisor puts in each child's environment. Every descendant
 * inherits it (fork and exec keep the environment unless the program replaces it), so it is read back from
 * {@code /proc/<pid>/environ} to prove a process ours, daemonized or not. A command line is never proof.
 */
final class SpawnIdentity {
    static final String VARIABLE = "PARACHUTE_SPAWN_ID";
    /** 128 bits: no one guesses another spawn's id, and two spawns never share one. */
    private static final int ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SpawnIdentity() {}

    static String fresh() {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
