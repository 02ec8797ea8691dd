package computer.parachute.hub.proxy;

import java.util.List;

/**
 * One installed module as the front door sees it: the short name the supervisor knows it by, what the discovery
 * document shows, the mount paths it may be reached under (reserved ones already dropped) and whether the matched
 * prefix is removed before forwarding. The port is deliberately absent: the proxy forwards only to the port the hub
 * saw the running child bind ({@code Supervisor.readyPort}).
 */
public record ModuleRoute(String shortName, String manifestName, String displayName, String tagline,
                          List<String> paths, boolean stripPrefix) {
    public ModuleRoute {
        paths = List.copyOf(paths);
    }
}
