package computer.parachute.hub.supervisor;

import java.time.Instant;

/**
 * A structured start error as the API serialises it: {@code type} is a {@link StartErrorType#code()},
 * {@code binary} names the command for dependency errors (else null), {@code at} is when it was recorded.
 */
public record StartError(String type, String description, String binary, Instant at) {
    public static StartError of(StartErrorType type, String description, String binary, Instant at) {
        return new StartError(type.code(), description, binary, at);
    }

    public boolean is(StartErrorType other) {
        return other.code().equals(type);
    }
}
