package computer.parachute.hub.cli.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Client-side pressure: several API clients at once issuing start/stop/restart and reads on random modules (plus
 * requests that must be refused with a JSON error), and the real CLI jar's verbs.
 */
final class ClientFaults {
    static final int STORM_CLIENTS = 4;
    private static final int OPS_PER_CLIENT = 3;
    /** How rarely a storm op may hit a slow module (see {@link #mutable}). */
    private static final int ANY_MODULE_ONE_IN = 20;
    private static final long STORM_BOUND_SECONDS = 90;

    private final FaultRig rig;
    private final Random random;
    private final ExecutorService pool;
    private final Consumer<String> violation;

    ClientFaults(FaultRig rig, Random random, ExecutorService pool, Consumer<String> violation) {
        this.rig = rig;
        this.random = random;
        this.pool = pool;
        this.violation = violation;
    }

    void apiStorm() throws Exception {
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < STORM_CLIENTS; c++) {
            long seed = random.nextLong();
            clients.add(pool.submit(() -> {
                Random own = new Random(seed);
                for (int i = 0; i < OPS_PER_CLIENT; i++) {
                    oneCall(own);
                }
            }));
        }
        for (Future<?> client : clients) {
            client.get(STORM_BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void oneCall(Random own) {
        int roll = own.nextInt(100);
        String name = roll < 60 ? mutable(own) : rig.modules.get(own.nextInt(rig.modules.size())).shortName();
        if (roll < 25) {
            rig.api.post("/api/modules/" + name + "/start");
        } else if (roll < 45) {
            rig.api.post("/api/modules/" + name + "/stop");
        } else if (roll < 60) {
            rig.api.post("/api/modules/" + name + "/restart");
        } else if (roll < 70) {
            rig.api.get("/api/modules/" + name);
        } else if (roll < 78) {
            rig.api.get("/api/modules/" + name + "/logs");
        } else if (roll < 85) {
            rig.api.get("/api/modules");
        } else {
            refused(own.nextInt(4));
        }
    }

    /**
     * The module a start/stop/restart goes to: mostly one whose ops are quick, sometimes any (a stop of a stubborn
     * module waits out the 5 s grace, a start of the mute one its 4 s window: they have their own steps).
     */
    private String mutable(Random own) {
        List<FaultModule> from = own.nextInt(ANY_MODULE_ONE_IN) == 0 ? rig.modules
                : rig.withRole(ModuleRole.PLAIN, ModuleRole.GRANDCHILD, ModuleRole.CRASHES_AT_START);
        return from.get(own.nextInt(from.size())).shortName();
    }

    /** Requests the hub must refuse, each with a JSON error (judged by HubApi). */
    private void refused(int which) {
        HubApi.Answer answer = switch (which) {
            case 0 -> rig.api.post("/api/modules/Not_A_Name/start");
            case 1 -> rig.api.post("/api/modules/nosuchmodule/start");
            case 2 -> rig.api.get("/api/no/such/path");
            default -> rig.api.send("DELETE", "/api/modules/plain1");
        };
        if (answer.status() < 400 || answer.status() >= 500) {
            violation.accept("a request that must be refused got " + answer.status() + " " + answer.body());
        }
    }

    /** One CLI verb; it must exit 0 or 1 (status is 1 when a row is failing), never 2 or with a stack trace. */
    void cli() throws IOException, InterruptedException {
        List<FaultModule> names = rig.withRole(ModuleRole.PLAIN, ModuleRole.GRANDCHILD).stream().toList();
        String name = names.get(random.nextInt(names.size())).shortName();
        String[] args = switch (random.nextInt(5)) {
            case 0, 1 -> new String[] {"status"};
            case 2 -> new String[] {"start", name};
            case 3 -> new String[] {"stop", name};
            default -> new String[] {"restart", name};
        };
        FaultCli.Result result = rig.cli.run(args);
        if (result.code() < 0 || result.code() > 1 || result.stderr().contains("Exception")
                || result.stderr().contains("\tat ")) {
            violation.accept("parachute " + String.join(" ", args) + " exited " + result.code() + ": "
                    + result.stdout() + result.stderr());
        }
    }
}
