package computer.parachute.hub.cli.hub;

/** What {@code GET /health} said (DESIGN §6), and how long it took. */
public record HealthInfo(String service, String version, String instance, String db, long latencyMillis) {
    public static final String HUB_SERVICE = "parachute-hub";

    /** True only for our hub: a foreign server answering 200 on the port is not a hub. */
    public boolean isHub() {
        return HUB_SERVICE.equals(service);
    }
}
