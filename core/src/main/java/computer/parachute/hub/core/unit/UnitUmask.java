package computer.parachute.hub.core.unit;

/** The umask the shipped units give the hub: 0077, so whatever it creates is its user's alone (DESIGN §12). */
final class UnitUmask {
    static final String OCTAL = "0077";
    static final int DECIMAL = 0077;

    private UnitUmask() {}
}
