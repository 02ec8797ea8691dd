package computer.parachute.hub.app;

import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Boots the modules once Jersey is up ({@link HubLifecycle#bootModules}) in a stock servlet container: the API is
 * built first, and the module boot does not compete with Jersey's start for the CPU. Under the launcher, which boots
 * them itself once its own {@code /health} answers (HubContextAttributes#LAUNCHER_BOOTS_MODULES), it is not
 * registered.
 */
final class ModuleBootOnStartup implements ContainerLifecycleListener {
    private final HubLifecycle lifecycle;

    ModuleBootOnStartup(HubLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void onStartup(Container container) {
        lifecycle.bootModules();
    }

    @Override
    public void onReload(Container container) {
        // a reload rebuilds Jersey, not the hub: the modules booted once already
    }

    @Override
    public void onShutdown(Container container) {
        // the hub's lifecycle stops the modules (HubContextListener), in DESIGN §5 order
    }
}
