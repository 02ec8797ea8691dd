package computer.parachute.hub.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The hub's version, filtered into {@code core}'s {@code version.properties} at build time. */
public final class HubVersion {
    static final String RESOURCE = "/computer/parachute/hub/core/version.properties";
    private static final String UNKNOWN = "unknown";

    private HubVersion() {}

    /** The version string, or {@code unknown} when the resource is missing (a broken build, never a crash). */
    public static String current() {
        try (InputStream in = HubVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
