package computer.parachute.hub.core.net;

import java.util.Optional;

/** Which process listens on a TCP port (used to name port squatters and a hub port already taken). */
@FunctionalInterface
public interface PortOwnerLookup {
    Optional<PortOwner> ownerOf(int port);
}
