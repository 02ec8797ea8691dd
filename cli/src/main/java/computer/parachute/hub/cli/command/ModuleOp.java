package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.Console;
import computer.parachute.hub.cli.UsageException;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.core.token.OperatorTokenException;
import computer.parachute.hub.cli.hub.ArmResult;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.core.home.ModuleNames;

import java.util.OptionalInt;
import java.util.function.IntSupplier;

/** The module half of start/stop/restart (reference §6.3): one API call and its one-line outcome. */
final class ModuleOp {
    static final String HUB = ModuleNames.HUB;

    private ModuleOp() {}

    /** A module name must be a valid short: it becomes a path segment of the API call. */
    static String requireShort(String svc) throws UsageException {
        if (!ModuleNames.isValidShort(svc)) {
            throw new UsageException("invalid module name \"" + svc + "\" — use the module's short name, for example `vault`");
        }
        return svc;
    }

    /**
     * A module verb's first step: the hub up through its arm. Prints the arm's outcome (only its ✓ lines when it
     * succeeded) and returns the hub's port, or empty when the hub could not be brought up.
     */
    static OptionalInt ensureHub(Console console, HubArm arm) throws InterruptedException {
        ArmResult hub = arm.start();
        if (!hub.ok()) {
            report(console, hub);
            return OptionalInt.empty();
        }
        hub.lines().stream().filter(line -> line.startsWith("✓ ")).forEach(console::report);
        return OptionalInt.of(hub.port());
    }

    /** Calls the op; prints {@code ✓ <svc> <done>.} or the reference's failure line. */
    static int call(CliEnvironment env, int port, String svc, String op, String done) {
        return callOrElse(env, port, svc, op, done, null);
    }

    /**
     * Like {@link #call}, but a 404 {@code not_supervised} answer runs {@code onNotSupervised} instead of failing
     * (restart is total over module state, reference §6.3).
     */
    static int callOrElse(CliEnvironment env, int port, String svc, String op, String done, IntSupplier onNotSupervised) {
        try {
            env.moduleOps(port).operate(svc, op);
            env.console().success(svc + " " + done + ".");
            return 0;
        } catch (OperatorTokenException e) {
            return fail(env.console(), svc, e.getMessage());
        } catch (ModuleOpHttpException e) {
            if (onNotSupervised != null && e.status() == 404 && "not_supervised".equals(e.code())) {
                return onNotSupervised.getAsInt();
            }
            return fail(env.console(), svc, e);
        }
    }

    static int fail(Console console, String svc, ModuleOpHttpException e) {
        if (e.status() == 400 && "not_installed".equals(e.code())) {
            console.failure(svc + " is not installed — run `parachute install " + svc + "` first, then `parachute start " + svc + "`.");
            return 1;
        }
        return fail(console, svc, e.getMessage());
    }

    static int fail(Console console, String svc, String message) {
        console.failure(svc + ": " + message);
        return 1;
    }

    /** Prints an arm's lines (a failure's detail lines go to stderr with its ✗ line); true when it succeeded. */
    static boolean report(Console console, ArmResult result) {
        if (result.ok()) {
            result.lines().forEach(console::report);
        } else {
            result.lines().forEach(line -> {
                if (line.startsWith("✗ ")) {
                    console.report(line);
                } else {
                    console.detail(line);
                }
            });
        }
        return result.ok();
    }
}
