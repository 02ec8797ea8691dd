package floor;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@link JettyJersey} plus the hub's database layer: a HikariCP pool of one over a sqlite-jdbc file, opened at start
 * with one {@code select 1}, and {@code select 1} on every GET /health (as the hub's HealthCheck does).
 */
public final class JettyJerseySqlite {
    private JettyJerseySqlite() {}

    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class HealthResource {
        private final HikariDataSource pool;

        @Inject
        public HealthResource(HikariDataSource pool) {
            this.pool = pool;
        }

        @GET
        public JettyJersey.Health health() {
            return new JettyJersey.Health("ok", "stack-floor", selectOne(pool));
        }
    }

    public static void main(String[] args) throws Exception {
        HikariDataSource pool = new HikariDataSource(); // configured in place, as HubDatabase does (no config copy)
        pool.setPoolName("floor-db");
        pool.setDriverClassName("org.sqlite.JDBC");
        pool.setJdbcUrl("jdbc:sqlite:" + System.getenv().getOrDefault("FLOOR_DB", "floor.db"));
        pool.setMaximumPoolSize(1);
        pool.setMinimumIdle(1);
        pool.addDataSourceProperty("journal_mode", "WAL");
        if (!"ok".equals(selectOne(pool))) {
            throw new IllegalStateException("the database did not answer select 1");
        }
        ResourceConfig app = JettyJersey.app(HealthResource.class).register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(pool).to(HikariDataSource.class);
            }
        });
        Server server = Floor.server();
        server.setHandler(JettyJersey.context(app));
        server.start();
        server.join();
    }

    static String selectOne(HikariDataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return "ok";
        } catch (SQLException e) {
            return "error: " + e.getClass().getSimpleName();
        }
    }
}
