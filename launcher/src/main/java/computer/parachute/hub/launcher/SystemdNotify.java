package computer.parachute.hub.launcher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's side of systemd's {@code Type=notify} protocol (issue 12): {@code READY=1} once the port is bound and
 * the API answers, {@code STATUS=} lines, {@code WATCHDOG=1} from the supervisor loop's heartbeat when the unit set
 * {@code WatchdogSec=}, and {@code STOPPING=1} at shutdown. Without {@code NOTIFY_SOCKET} nothing happens at all.
 *
 * <p>Java 17 cannot send to a unix datagram socket (JEP 380 is stream-only), so each message is handed to
 * {@code systemd-notify} (shipped with systemd itself; since v246 it waits until the manager has processed the
 * message, so the sender's short life is no race). The sender is a child of the hub, not its main process, which
 * is why the unit says {@code NotifyAccess=all}; the supervisor keeps {@code NOTIFY_SOCKET} out of modules' env.
 * Messages go out in order on one thread, so neither the supervisor loop nor start-up ever waits on systemd.
 */
final class SystemdNotify {
    static final String SOCKET_ENV = "NOTIFY_SOCKET";
    static final String WATCHDOG_USEC_ENV = "WATCHDOG_USEC";
    static final String WATCHDOG_PID_ENV = "WATCHDOG_PID";
    private static final Logger LOG = Logger.getLogger(SystemdNotify.class.getName());
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final long STOPPING_WAIT_SECONDS = 5;

    private final String tool;
    private final ExecutorService sender;
    private final Duration pingEvery;
    private volatile boolean ready;
    private long lastPingNanos;
    private String lastStatus;
    private boolean warned;

    private SystemdNotify(String tool, Duration pingEvery) {
        this.tool = tool;
        this.pingEvery = pingEvery;
        this.sender = tool == null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "systemd-notify");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Enabled only when systemd gave this process a notify socket; the watchdog only when it is meant for us. */
    static SystemdNotify fromEnvironment(Map<String, String> env, long ownPid) {
        String socket = env.get(SOCKET_ENV);
        if (socket == null || socket.isBlank()) {
            return new SystemdNotify(null, null);
        }
        return new SystemdNotify("systemd-notify",
                watchdogInterval(env, ownPid).orElse(null));
    }

    /** Half the watchdog timeout, as sd_watchdog_enabled(3) advises; empty when no watchdog or another pid's. */
    static java.util.Optional<Duration> watchdogInterval(Map<String, String> env, long ownPid) {
        OptionalLong usec = parse(env.get(WATCHDOG_USEC_ENV));
        OptionalLong pid = parse(env.get(WATCHDOG_PID_ENV));
        if (usec.isEmpty() || usec.getAsLong() <= 0 || pid.isPresent() && pid.getAsLong() != ownPid) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofNanos(usec.getAsLong() * 1000 / 2));
    }

    boolean enabled() {
        return tool != null;
    }

    void ready(String status) {
        if (enabled()) {
            synchronized (this) {
                lastStatus = status;
                lastPingNanos = System.nanoTime();
            }
            ready = true;
            send(List.of("READY=1", "STATUS=" + status));
        }
    }

    /** Sent and awaited (bounded) before the hub stops its modules, so systemd knows the stop is deliberate. */
    void stopping() {
        if (!enabled()) {
            return;
        }
        ready = false;
        send(List.of("STOPPING=1", "STATUS=stopping"));
        sender.shutdown();
        try {
            sender.awaitTermination(STOPPING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For the WAR's supervisor loop (HubContextAttributes.HEARTBEAT): status changes and watchdog pings. */
    Consumer<String> heartbeat() {
        return this::beat;
    }

    private void beat(String status) {
        if (!enabled() || !ready) {
            return;
        }
        List<String> message = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            if (pingEvery != null && now - lastPingNanos >= pingEvery.toNanos()) {
                message.add("WATCHDOG=1");
                lastPingNanos = now;
            }
            if (!status.equals(lastStatus)) {
                message.add("STATUS=" + status);
                lastStatus = status;
            }
        }
        if (!message.isEmpty()) {
            send(message);
        }
    }

    private void send(List<String> assignments) {
        try {
            sender.execute(() -> run(assignments));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping already sent: later heartbeats have nothing to say
        }
    }

    private void run(List<String> assignments) {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(assignments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                warnOnce("systemd-notify did not finish within " + SEND_TIMEOUT_SECONDS + " s");
            } else if (process.exitValue() != 0) {
                warnOnce("systemd-notify " + String.join(" ", assignments) + " exited " + process.exitValue());
            }
        } catch (IOException e) {
            warnOnce("cannot run " + tool + " (" + e.getMessage() + "): systemd will not see READY=1 — install"
                    + " systemd's systemd-notify or remove Type=notify from the unit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            LOG.log(Level.WARNING, message);
        }
    }

    private static OptionalLong parse(String value) {
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
