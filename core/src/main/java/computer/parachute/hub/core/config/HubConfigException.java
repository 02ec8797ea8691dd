package computer.parachute.hub.core.config;

/** A setting holds a value the hub cannot use; the message names the value and the source that supplied it. */
public final class HubConfigException extends IllegalArgumentException {
    public HubConfigException(String message) {
        super(message);
    }
}
