package computer.parachute.hub.cli.dashboard;

/** Hands a URL to the desktop's browser; never blocks on the browser itself. */
public interface BrowserOpener {
    /** True when this session has a display a browser could open on. */
    boolean displayAvailable();

    /** Starts the opener; false (with nothing thrown) when it could not be started. */
    boolean open(String url);
}
