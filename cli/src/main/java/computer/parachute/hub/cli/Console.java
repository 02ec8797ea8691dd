package computer.parachute.hub.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * Where every verb writes (STYLE rule 14): plain lines and {@code ✓} lines to stdout, {@code ✗} and {@code ⚠} lines
 * to stderr. Colour only when stdout is a terminal and {@code NO_COLOR} is unset or empty (no-color.org) and
 * {@code TERM} is not {@code dumb}.
 */
public final class Console {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;

    public Console(PrintStream out, PrintStream err, boolean colour) {
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    /** Colour decision for a real process: a terminal on stdout, no NO_COLOR, not a dumb terminal. */
    public static boolean colourWanted(boolean stdoutIsTerminal, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return stdoutIsTerminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    public boolean colour() {
        return colour;
    }

    /** A plain line on stdout. */
    public void line(String text) {
        out.println(text);
    }

    /** Raw text on stdout, no newline added (log output, completion scripts). */
    public void print(String text) {
        out.print(text);
    }

    public void success(String text) {
        out.println(paint(GREEN, "✓") + " " + text);
    }

    public void failure(String text) {
        err.println(paint(RED, "✗") + " " + text);
    }

    public void warning(String text) {
        err.println(paint(YELLOW, "⚠") + " " + text);
    }

    /** A detail line under a ✗ (indented, on stderr). */
    public void detail(String text) {
        err.println(text);
    }

    /** Prints a line an arm or the unit layer already formatted, routing it by its leading mark. */
    public void report(String formatted) {
        if (formatted.startsWith("✓ ")) {
            success(formatted.substring(2));
        } else if (formatted.startsWith("✗ ")) {
            failure(formatted.substring(2));
        } else if (formatted.startsWith("⚠ ")) {
            warning(formatted.substring(2));
        } else {
            line(formatted);
        }
    }

    public PrintStream out() {
        return out;
    }

    public void flush() {
        out.flush();
        err.flush();
    }

    private String paint(String code, String mark) {
        return colour ? code + mark + RESET : mark;
    }
}
