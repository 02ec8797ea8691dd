package computer.parachute.hub.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where one module's lines go (DESIGN §5 Output): the ring buffer, the rotating log file and any followers. Lives as
 * long as the module entry, so it survives respawns. Module lines are not copied to the hub's own output (issue 9):
 * that is hub.log or journald, which would grow with every module line and, for hub.log, never rotate; each module
 * already has its own rotated log. Supervisor notes go to both, stored as {@code [supervisor] ...}; a module line
 * that could pass for one is marked with the module's prefix ({@link ModuleLines}).
 */
final class ModuleLog {
    private static final Logger LOG = Logger.getLogger(ModuleLog.class.getName());
    static final String SUPERVISOR_PREFIX = "[supervisor] ";

    private final String shortName;
    private final HubOutput output;
    private final LogRingBuffer ring;
    private final RotatingLogFile file;
    private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();

    ModuleLog(String shortName, HubOutput output, LogRingBuffer ring, RotatingLogFile file) {
        this.shortName = shortName;
        this.output = output;
        this.ring = ring;
        this.file = file;
    }

    /** A line the module printed (stdout or stderr). */
    void childLine(String line) {
        record(ModuleLines.forLog(shortName, line));
    }

    /** A supervisor message about this module ("[supervisor] vault crashed 3x ..."). */
    void supervisorLine(String message) {
        String line = SUPERVISOR_PREFIX + message;
        output.line(line);
        record(line);
    }

    List<String> lines() {
        return ring.snapshot();
    }

    /**
     * The buffered lines, and {@code follower} gets every later line (on the reader's thread: it must hand off, not
     * block). Synchronized like {@link #record}, so a line is either in the backlog or delivered, never lost between.
     */
    synchronized LogTail follow(Consumer<String> follower) {
        followers.add(follower);
        return new LogTail(ring.snapshot(), () -> followers.remove(follower));
    }

    long fileBytesWritten() {
        return file.bytesWritten();
    }

    void close() {
        file.close();
    }

    private synchronized void record(String line) {
        ring.add(line);
        file.append(line);
        for (Consumer<String> follower : followers) {
            try {
                follower.accept(line);
            } catch (RuntimeException e) {
                followers.remove(follower);
                LOG.log(Level.FINE, shortName + ": a log follower failed and was dropped", e);
            }
        }
    }
}
