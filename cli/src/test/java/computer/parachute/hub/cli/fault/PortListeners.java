package computer.parachute.hub.cli.fault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which process listens on each of a set of loopback ports, in one pass over /proc (the LISTEN rows of
 * /proc/net/tcp and tcp6, then every process's fds): cheap enough to run after every step.
 */
final class PortListeners {
    private static final Path PROC = Path.of("/proc");
    private static final String TCP_LISTEN_STATE = "0A";

    private PortListeners() {}

    /** Port → pid of a process holding its listening socket; ports nobody listens on are absent. */
    static Map<Integer, Long> of(Set<Integer> ports) {
        Map<String, Integer> portByInode = new HashMap<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            readListening(PROC.resolve(table), ports, portByInode);
        }
        Map<Integer, Long> owners = new HashMap<>();
        if (portByInode.isEmpty()) {
            return owners;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path pidDir : pids) {
                long pid = Long.parseLong(pidDir.getFileName().toString());
                scanFds(pidDir.resolve("fd"), portByInode, port -> owners.putIfAbsent(port, pid));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return owners;
    }

    private static void readListening(Path table, Set<Integer> ports, Map<String, Integer> portByInode) {
        try {
            for (String line : Files.readAllLines(table, StandardCharsets.US_ASCII)) {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 9 && TCP_LISTEN_STATE.equals(cols[3])) {
                    String hexPort = cols[1].substring(cols[1].lastIndexOf(':') + 1);
                    int port = Integer.parseInt(hexPort.toUpperCase(Locale.ROOT), 16);
                    if (ports.contains(port)) {
                        portByInode.put("socket:[" + cols[9] + "]", port);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no IPv6 table, or a header line: nothing listens there as far as we can tell
        }
    }

    private static void scanFds(Path fdDir, Map<String, Integer> portByInode, java.util.function.IntConsumer found) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    Integer port = portByInode.get(Files.readSymbolicLink(fd).toString());
                    if (port != null) {
                        found.accept(port);
                    }
                } catch (IOException e) {
                    // fd closed while we looked
                }
            }
        } catch (IOException | SecurityException e) {
            // process gone, or not ours to inspect
        }
    }
}
