package computer.parachute.hub.core.net;

import computer.parachute.hub.core.process.NeutralContextLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the process listening on a TCP port. On Linux it reads /proc: the LISTEN sockets of /proc/net/tcp{,6}
 * give inodes, and the process whose /proc/<pid>/fd links to {@code socket:[inode]} owns it. Elsewhere (macOS)
 * it asks {@code lsof}. Processes of other users may be unreadable: then the owner is unknown, never guessed.
 */
public final class ProcPortOwnerLookup implements PortOwnerLookup {
    private static final String TCP_LISTEN_STATE = "0A";
    private static final int LOCAL_ADDRESS_FIELD = 1;
    private static final int STATE_FIELD = 3;
    private static final int INODE_FIELD = 9;
    private static final long LSOF_TIMEOUT_SECONDS = 3;

    private final Path procRoot;

    public ProcPortOwnerLookup() {
        this(Path.of("/proc"));
    }

    ProcPortOwnerLookup(Path procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public Optional<PortOwner> ownerOf(int port) {
        if (!Files.isDirectory(procRoot.resolve("net"))) {
            return viaLsof(port);
        }
        Set<String> inodes = new HashSet<>();
        inodes.addAll(listeningInodes(procRoot.resolve("net/tcp"), port));
        inodes.addAll(listeningInodes(procRoot.resolve("net/tcp6"), port));
        return inodes.isEmpty() ? Optional.empty() : processHolding(inodes);
    }

    /**
     * Inodes of LISTEN sockets on {@code port} in one /proc/net/tcp* table. The table holds every socket of the
     * machine, TIME_WAIT ones included (a busy box has thousands; every readiness probe leaves one), and this runs
     * before each spawn and after each crash, so lines are scanned field by field without a regex or a split, and
     * only LISTEN lines are looked at further.
     */
    static Set<String> listeningInodes(Path table, int port) {
        Set<String> inodes = new HashSet<>();
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        try {
            for (String line : Files.readAllLines(table, StandardCharsets.US_ASCII)) {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                String inode = listeningInode(line, portHex);
                if (inode != null) {
                    inodes.add(inode);
                }
            }
        } catch (IOException e) {
            // table absent (no IPv6) or unreadable: nothing listens there as far as we can tell
        }
        return inodes;
    }

    /** The inode (field 9) when the line is a LISTEN socket (field 3) whose local address (field 1) is on the port. */
    static String listeningInode(String line, String portHex) {
        int[] bounds = new int[2];
        String local = null;
        for (int field = 0, from = 0; field <= INODE_FIELD; field++) {
            if (!nextField(line, from, bounds)) {
                return null;
            }
            from = bounds[1];
            if (field == LOCAL_ADDRESS_FIELD) {
                local = line.substring(bounds[0], bounds[1]);
            } else if (field == STATE_FIELD
                    && !(line.startsWith(TCP_LISTEN_STATE, bounds[0]) && bounds[1] - bounds[0] == 2
                        && local.endsWith(portHex))) {
                return null;
            } else if (field == INODE_FIELD) {
                return line.substring(bounds[0], bounds[1]);
            }
        }
        return null;
    }

    /** The next whitespace-separated field at or after {@code from}, as [start, end) in {@code bounds}. */
    private static boolean nextField(String line, int from, int[] bounds) {
        int start = from;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        bounds[0] = start;
        bounds[1] = end;
        return end > start;
    }

    private Optional<PortOwner> processHolding(Set<String> inodes) {
        Set<String> targets = new HashSet<>();
        inodes.forEach(inode -> targets.add("socket:[" + inode + "]"));
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(procRoot, p -> isNumeric(p.getFileName().toString()))) {
            for (Path pidDir : pids) {
                if (holdsAny(pidDir.resolve("fd"), targets)) {
                    long pid = Long.parseLong(pidDir.getFileName().toString());
                    return Optional.of(new PortOwner(pid, commandLine(pidDir)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean holdsAny(Path fdDir, Set<String> targets) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (targets.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException e) {
                    // fd closed while we looked
                }
            }
        } catch (IOException | SecurityException e) {
            // process gone or not ours to inspect
        }
        return false;
    }

    static String commandLine(Path pidDir) {
        try {
            byte[] raw = Files.readAllBytes(pidDir.resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<PortOwner> viaLsof(int port) {
        try {
            Process lsof = NeutralContextLoader.start(new ProcessBuilder("lsof", "-nP", "-iTCP:" + port, "-sTCP:LISTEN", "-t")
                    .redirectErrorStream(true));
            if (!lsof.waitFor(LSOF_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                lsof.destroyForcibly();
                return Optional.empty();
            }
            List<String> lines = new String(lsof.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !isNumeric(lines.get(0).trim())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            String cmd = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
            return Optional.of(new PortOwner(pid, cmd));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
