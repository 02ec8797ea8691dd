package computer.parachute.hub.cli;

/**
 * One CLI verb (STYLE rule 13): Airline fills its option fields, then {@link ParachuteCli} calls {@link #run} with
 * the environment, and exits with the code it returns.
 */
@FunctionalInterface
public interface Verb {
    int run(CliEnvironment env) throws Exception;
}
