package computer.parachute.hub.core.unit;

/** Where the hub unit lives: the invoking user's session manager, or the system one (root only). */
public enum UnitScope {
    /** {@code ~/.config/systemd/user}, {@code systemctl --user}; launchd LaunchAgents are always this. */
    USER,
    /** {@code /etc/systemd/system}, plain {@code systemctl}, pinned with {@code User=}. */
    SYSTEM
}
