package computer.parachute.hub.cli.client;

/**
 * One module as {@code GET /api/modules} reports it (lenient: absent fields are null). {@code startError} is the
 * first line an operator needs ("<binary> not installed" or the description), null when there is none.
 */
public record ModuleSnapshot(String shortName, String name, Integer port, String version, boolean installed,
                             String supervisorStatus, Long pid, String startedAt, String startErrorType,
                             String startErrorDescription, String startErrorBinary) {
}
