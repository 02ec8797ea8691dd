package computer.parachute.hub.app;

/** The paths failsafe passes to the drop-in tests (hub-war's pom). */
final class StandaloneSystemProperties {
    private StandaloneSystemProperties() {}

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("run through failsafe (mvn verify): system property " + property + " unset");
        }
        return value;
    }
}
