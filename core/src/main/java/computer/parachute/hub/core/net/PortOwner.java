package computer.parachute.hub.core.net;

/** The process listening on a port: its pid and command line (arguments joined by spaces). */
public record PortOwner(long pid, String commandLine) {
    public String describe() {
        return "pid " + pid + " (" + (commandLine == null || commandLine.isBlank() ? "unknown command" : commandLine) + ")";
    }
}
