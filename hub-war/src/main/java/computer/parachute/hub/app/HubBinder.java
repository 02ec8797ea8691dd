package computer.parachute.hub.app;

import computer.parachute.hub.api.CatchAllExceptionMapper;
import computer.parachute.hub.api.LogFollower;
import computer.parachute.hub.auth.AcceptedIssuers;
import computer.parachute.hub.core.session.DashboardSessions;
import computer.parachute.hub.core.session.LoginCodes;
import computer.parachute.hub.web.DashboardView;
import computer.parachute.hub.web.EventStreams;
import computer.parachute.hub.web.HubPort;
import computer.parachute.hub.web.WebAssets;
import computer.parachute.hub.core.token.TokenVerifier;
import computer.parachute.hub.modules.BootReadiness;
import computer.parachute.hub.modules.ModuleOperations;
import computer.parachute.hub.proxy.FrontDoorOrigin;
import computer.parachute.hub.proxy.ModuleRouter;
import computer.parachute.hub.supervisor.Supervisor;
import java.time.Clock;
import computer.parachute.hub.api.HealthCheck;
import computer.parachute.hub.api.HubApiExceptionMapper;
import computer.parachute.hub.api.WebApplicationExceptionMapper;
import computer.parachute.hub.core.config.HubConfig;
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
    private final WebAssets assets;

    public HubBinder(HubLifecycle lifecycle, WebAssets assets) {
        this.lifecycle = lifecycle;
        this.assets = assets;
    }

    @Override
    protected void configure() {
        bind(lifecycle).to(HubLifecycle.class);
        bind(lifecycle.config()).to(HubConfig.class);
        bind(lifecycle.config().home()).to(HubHome.class);
        bind(lifecycle.database()).to(HubDatabase.class);
        bind(lifecycle.instance()).to(HubInstance.class);
        bind(lifecycle.healthCheck()).to(HealthCheck.class);
        bind(lifecycle.supervisor()).to(Supervisor.class);
        ModuleOperations modules = lifecycle.modules();
        bind(modules).to(ModuleOperations.class);
        bind(new LogFollower(modules)).to(LogFollower.class);
        bind(new BootReadiness(lifecycle.supervisor(), lifecycle.boot(), Clock.systemUTC())).to(BootReadiness.class);
        bind(lifecycle.tokens().verifier()).to(TokenVerifier.class);
        bind(lifecycle.router()).to(ModuleRouter.class);
        bind(new FrontDoorOrigin(lifecycle.config().hubOrigin())).to(FrontDoorOrigin.class);
        bind((AcceptedIssuers) lifecycle::acceptedIssuers).to(AcceptedIssuers.class);

        // the dashboard (issue 11): sessions and login codes in hub.db, the page's files, its event streams
        bind(lifecycle.sessions()).to(DashboardSessions.class);
        bind(lifecycle.loginCodes()).to(LoginCodes.class);
        bind(lifecycle.dashboardView()).to(DashboardView.class);
        bind(lifecycle.eventStreams()).to(EventStreams.class);
        bind(assets).to(WebAssets.class);
        bind(HubPort.of(() -> lifecycle.servedPort().get().orElse(lifecycle.config().port()))).to(HubPort.class);

        // error mappers (STYLE rule 11), each replaceable on its own; Jersey picks the most specific type
        bind(HubApiExceptionMapper.class).to(ExceptionMapper.class).in(Singleton.class);
        bind(WebApplicationExceptionMapper.class).to(ExceptionMapper.class).in(Singleton.class);
        bind(CatchAllExceptionMapper.class).to(ExceptionMapper.class).in(Singleton.class);
    }
}
