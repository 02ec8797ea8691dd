package computer.parachute.hub.cli.doctor;

import java.util.Locale;

/** A finding's verdict; {@code fail} makes {@code parachute doctor} exit 1. */
public enum Status {
    OK, WARN, FAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
