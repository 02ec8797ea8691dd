package computer.parachute.hub.cli.doctor;

/**
 * A fix {@code --fix} may apply on its own: only the named, reversible kinds (a chmod, minting an operator token,
 * restarting a crashed module, re-registering a drifted port). {@link #apply} returns what it did, in one line.
 */
public interface SafeFix {
    String apply(DoctorContext context) throws Exception;
}
