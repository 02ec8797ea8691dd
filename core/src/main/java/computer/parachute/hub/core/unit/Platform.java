package computer.parachute.hub.core.unit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The facts about this machine that decide where the hub unit lives and how it is driven. Injected
 * so tests point every path at a temp dir and never read the real {@code ~/.config}.
 *
 * @param osName        {@code os.name}, e.g. "Linux", "Mac OS X"
 * @param homeDir       the user's home; user units and LaunchAgents live under it
 * @param systemUnitDir where root's system unit goes, normally {@code /etc/systemd/system}
 * @param uid           numeric uid; 0 = root
 * @param userName      login name, pinned as {@code User=} and used for linger; may be empty
 */
public record Platform(String osName, Path homeDir, Path systemUnitDir, int uid, String userName) {

    /** Reference §5.1: an unknown uid is treated as an ordinary user. */
    public static final int UNKNOWN_UID = 1000;
    public static final Path DEFAULT_SYSTEM_UNIT_DIR = Path.of("/etc/systemd/system");

    public Platform {
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(homeDir, "homeDir");
        Objects.requireNonNull(systemUnitDir, "systemUnitDir");
        userName = userName == null ? "" : userName;
    }

    /** This JVM's platform. */
    public static Platform current() {
        return new Platform(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                DEFAULT_SYSTEM_UNIT_DIR, currentUid(), System.getProperty("user.name", ""));
    }

    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    public boolean isMac() {
        String os = osName.toLowerCase(Locale.ROOT);
        return os.startsWith("mac") || os.startsWith("darwin");
    }

    public boolean isRoot() {
        return uid == 0;
    }

    /** {@code ~/.config/systemd/user}: where a non-root user's systemd unit goes. */
    public Path userUnitDir() {
        return homeDir.resolve(".config").resolve("systemd").resolve("user");
    }

    /** {@code ~/Library/LaunchAgents}. */
    public Path launchAgentsDir() {
        return homeDir.resolve("Library").resolve("LaunchAgents");
    }

    private static int currentUid() {
        try {
            return (int) new com.sun.security.auth.module.UnixSystem().getUid();
        } catch (LinkageError | RuntimeException notUnix) {
            return UNKNOWN_UID; // not a POSIX JVM, or jdk.security.auth left out of a custom runtime
        }
    }
}
