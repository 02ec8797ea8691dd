package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.net.PortOwner;
import computer.parachute.hub.core.net.PortOwnerLookup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Test stand-in for core's port-owner lookup (until the /proc one lands on main): {@code lsof}, then the JDK. */
final class LsofPortOwners implements PortOwnerLookup {
    @Override
    public Optional<PortOwner> ownerOf(int port) {
        try {
            Process lsof = new ProcessBuilder("lsof", "-nP", "-t", "-iTCP:" + port, "-sTCP:LISTEN")
                    .redirectErrorStream(true).start();
            String out = new String(lsof.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            lsof.waitFor(5, TimeUnit.SECONDS);
            if (out.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(out.lines().findFirst().orElseThrow().trim());
            String commandLine = ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
            return Optional.of(new PortOwner(pid, commandLine));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
