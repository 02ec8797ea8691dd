package computer.parachute.hub.core.session;

import java.time.Duration;

/**
 * How long dashboard credentials live (issue 11): a login code 60 s, a session 12 h after its last use and 7 days
 * after its creation, whichever comes first. {@link #LOGIN_TTL_PROPERTY} shortens the code's life for tests that
 * must see a link expire without waiting a minute.
 */
public record SessionPolicy(Duration loginCodeTtl, Duration idleTimeout, Duration absoluteTimeout) {
    public static final Duration LOGIN_CODE_TTL = Duration.ofSeconds(60);
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(12);
    public static final Duration ABSOLUTE_TIMEOUT = Duration.ofDays(7);
    /** System property: the login code's lifetime in milliseconds (tests only; never longer than the default). */
    public static final String LOGIN_TTL_PROPERTY = "parachute.dashboard.loginCodeTtlMillis";

    public static SessionPolicy defaults() {
        return new SessionPolicy(LOGIN_CODE_TTL, IDLE_TIMEOUT, ABSOLUTE_TIMEOUT);
    }

    /** The defaults, with the login code's lifetime from {@link #LOGIN_TTL_PROPERTY} when it is a shorter positive value. */
    public static SessionPolicy fromSystemProperties() {
        Long millis = Long.getLong(LOGIN_TTL_PROPERTY);
        if (millis == null || millis <= 0 || millis >= LOGIN_CODE_TTL.toMillis()) {
            return defaults();
        }
        return new SessionPolicy(Duration.ofMillis(millis), IDLE_TIMEOUT, ABSOLUTE_TIMEOUT);
    }
}
