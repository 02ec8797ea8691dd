package computer.parachute.hub.metrics;

/** Linux signal numbers to their names ("SIGKILL"), for the exit counter's {@code signal} label. */
final class SignalNames {
    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};

    private SignalNames() {}

    static String of(int signal) {
        return signal > 0 && signal < NAMES.length ? NAMES[signal] : "SIG" + signal;
    }
}
