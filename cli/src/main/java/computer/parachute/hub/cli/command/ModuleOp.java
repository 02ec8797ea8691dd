package computer.parachute.hub.cli.command;

import computer.parachute.hub.cli.CliEnvironment;
import computer.parachute.hub.cli.Console;
import computer.parachute.hub.cli.UsageException;
import computer.parachute.hub.cli.client.ModuleOpHttpException;
import computer.parachute.hub.cli.client.ModuleOpReply;
import computer.parachute.hub.core.token.OperatorTokenException;
import computer.parachute.hub.cli.hub.ArmResult;
import computer.parachute.hub.cli.hub.HubArm;
import computer.parachute.hub.core.home.ModuleNames;

import java.util.OptionalInt;
import java.util.function.IntSupplier;

/** The module half of start/stop/restart (reference §6.3): one API call and its one-line outcome. */
final class ModuleOp {
    static final String HUB = ModuleNames.HUB;
    static final String STOP = "stop";

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
     * (restart is total over module state, reference §6.3). The reply's state decides the outcome, never the HTTP
     * status alone: a start or restart that leaves the module anything but {@code running} fails with its
     * {@code startError}; a stop must leave it {@code stopped}, or not supervised and installed.
     */
    static int callOrElse(CliEnvironment env, int port, String svc, String op, String done, IntSupplier onNotSupervised) {
        try {
            ModuleOpReply reply = ModuleOpReply.of(env.moduleOps(port).operate(svc, op));
            return STOP.equals(op) ? stopped(env, port, svc, reply) : cameUp(env.console(), svc, op, done, reply);
        } catch (OperatorTokenException e) {
            return fail(env.console(), svc, e.getMessage());
        } catch (ModuleOpHttpException e) {
            if (onNotSupervised != null && e.status() == 404 && "not_supervised".equals(e.code())) {
                return onNotSupervised.getAsInt();
            }
            return fail(env.console(), svc, e);
        }
    }

    private static int cameUp(Console console, String svc, String op, String done, ModuleOpReply reply) {
        if (!reply.isRunning()) {
            console.failure(svc + " failed to " + op + ": " + whyNotRunning(svc, reply));
            return 1;
        }
        console.success(svc + " " + done + ".");
        if (reply.startErrorDescription() != null) {
            console.detail("  ! " + reply.startErrorDescription()); // running, with a note (started_but_unbound)
        }
        return 0;
    }

    /** The startError (its description names the fix), else the state and exit code with where to look. */
    private static String whyNotRunning(String svc, ModuleOpReply reply) {
        if (reply.state() == null) {
            return "the hub's reply did not say what state it is in — check `parachute status`";
        }
        if (reply.startErrorDescription() != null) {
            return reply.state() + " (" + reply.startErrorType() + ") — " + reply.startErrorDescription();
        }
        String exit = reply.lastExitCode() == null ? "" : ", last exit code " + reply.lastExitCode();
        return "it is " + reply.state() + exit + " — see `parachute logs " + svc + "`";
    }

    private static int stopped(CliEnvironment env, int port, String svc, ModuleOpReply reply)
            throws OperatorTokenException, ModuleOpHttpException {
        if (Boolean.FALSE.equals(reply.stopped())) {
            // 200 stopped:false is every unsupervised name: only an installed one was "already stopped"
            if (env.moduleOps(port).module(svc).isEmpty()) {
                return notInstalled(env.console(), svc);
            }
            env.console().success(svc + " already stopped.");
            return 0;
        }
        if (!ModuleOpReply.STOPPED.equals(reply.state())) {
            env.console().failure(svc + " failed to stop: it is " + (reply.state() == null ? "in an unknown state"
                    : reply.state()) + " — check `parachute status` and `parachute logs " + svc + "`");
            return 1;
        }
        env.console().success(svc + " stopped.");
        return 0;
    }

    /** The reference's line for a module without a services.json row; exit 1. */
    static int notInstalled(Console console, String svc) {
        console.failure(svc + " is not installed — run `parachute install " + svc + "` first, then `parachute start " + svc + "`.");
        return 1;
    }

    static int fail(Console console, String svc, ModuleOpHttpException e) {
        if (e.status() == 400 && "not_installed".equals(e.code())) {
            return notInstalled(console, svc);
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
