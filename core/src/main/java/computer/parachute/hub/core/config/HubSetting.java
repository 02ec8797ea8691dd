package computer.parachute.hub.core.config;

/**
 * The hub's settings and the key each one has in every source {@link HubConfig} reads (DESIGN §4, §9). A servlet
 * context init parameter uses the environment variable's name, so a container deployer and a unit file spell a
 * setting the same way. {@link #INSTANCE} is only ever passed by the launcher to its own WAR, never read from the
 * environment: modules inherit the hub's environment and must not inherit its instance id.
 */
public enum HubSetting {
    HOME("parachute.home", "PARACHUTE_HOME", "PARACHUTE_HOME"),
    PORT("parachute.port", "PORT", "PORT"),
    BIND_HOST("parachute.bind.host", "PARACHUTE_BIND_HOST", "PARACHUTE_BIND_HOST"),
    HUB_ORIGIN("parachute.hub.origin", "PARACHUTE_HUB_ORIGIN", "PARACHUTE_HUB_ORIGIN"),
    INSTANCE(null, null, "parachute.hub.instance");

    private final String systemProperty;
    private final String environmentVariable;
    private final String initParameter;

    HubSetting(String systemProperty, String environmentVariable, String initParameter) {
        this.systemProperty = systemProperty;
        this.environmentVariable = environmentVariable;
        this.initParameter = initParameter;
    }

    /** The system property naming this setting, or null when it cannot be set that way. */
    public String systemProperty() { return systemProperty; }

    /** The environment variable naming this setting, or null when it cannot be set that way. */
    public String environmentVariable() { return environmentVariable; }

    /** The servlet context init parameter naming this setting. */
    public String initParameter() { return initParameter; }
}
