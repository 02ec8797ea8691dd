package computer.parachute.hub.cli.fault;

/** Dispatches one {@link FaultKind} to the class that injects it. */
final class FaultStep {
    private final ModuleFaults modules;
    private final RegistryFaults registry;
    private final ClientFaults clients;

    FaultStep(ModuleFaults modules, RegistryFaults registry, ClientFaults clients) {
        this.modules = modules;
        this.registry = registry;
        this.clients = clients;
    }

    void run(FaultKind kind) throws Exception {
        switch (kind) {
            case KILL9_MODULE -> modules.kill9Module();
            case KILL9_HUB -> modules.kill9HubAndRestart();
            case TERM_IGNORING_STOP -> modules.stopTermIgnoring();
            case SQUATTER -> modules.squatter();
            case DAEMONIZING_STOP -> modules.stopDaemonizing();
            case LOOKALIKE_SQUATTER -> modules.lookalikeSquatter();
            case NEVER_BIND -> modules.neverBind();
            case CRASH_AT_START -> modules.crashAtStart();
            case MALFORMED_SERVICES -> registry.malformed();
            case CONCURRENT_REWRITE -> registry.concurrentRewrite();
            case API_STORM -> clients.apiStorm();
            case CLI -> clients.cli();
        }
    }
}
