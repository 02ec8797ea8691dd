package computer.parachute.hub.app;

import computer.parachute.hub.api.CatchAllExceptionMapper;
import computer.parachute.hub.api.HealthCheck;
import computer.parachute.hub.api.HubApiExceptionMapper;
import computer.parachute.hub.api.WebApplicationExceptionMapper;
import computer.parachute.hub.core.config.HubConfig;
import computer.parachute.hub.core.config.HubVersion;
import computer.parachute.hub.core.db.HubDatabase;
import computer.parachute.hub.core.home.HubHome;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.inject.hk2.AbstractBinder;

/**
 * The WAR's production wiring (STYLE rule 2): what resources and providers can inject, as a flat list. Everything
 * that owns resources comes from the started {@link HubLifecycle}; the rest is built here.
 */
public final class HubBinder extends AbstractBinder {
    private final HubLifecycle lifecycle;

    public HubBinder(HubLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    protected void configure() {
        bind(lifecycle).to(HubLifecycle.class);
        bind(lifecycle.config()).to(HubConfig.class);
        bind(lifecycle.config().home()).to(HubHome.class);
        bind(lifecycle.database()).to(HubDatabase.class);
        bind(lifecycle.instance()).to(HubInstance.class);
        bind(new HealthCheck(lifecycle.database(), lifecycle.instance(), HubVersion.current())).to(HealthCheck.class);
        // SUPERVISOR HOOK (lead, on merge): bind(lifecycle.supervisor()).to(Supervisor.class);

        // error mappers (STYLE rule 11), each replaceable on its own; Jersey picks the most specific type
        bind(HubApiExceptionMapper.class).to(ExceptionMapper.class).in(Singleton.class);
        bind(WebApplicationExceptionMapper.class).to(ExceptionMapper.class).in(Singleton.class);
        bind(CatchAllExceptionMapper.class).to(ExceptionMapper.class).in(Singleton.class);
    }
}
