package computer.parachute.hub.core.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Runs one unit of work on a hub.db connection, alone or as a transaction (IMMEDIATE, HubDatabase's setting, so a
 * check-then-write is atomic across the hub and CLI processes). Each caller turns an {@link SQLException} into its
 * own exception, whose message names the file and what was being done.
 */
public final class DbWork {
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private DbWork() {}

    public static <T, E extends RuntimeException> T inTransaction(HubDatabase db, Work<T> work, Function<SQLException, E> failure) {
        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    public static <T, E extends RuntimeException> T withConnection(HubDatabase db, Work<T> work, Function<SQLException, E> failure) {
        try (Connection connection = db.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }
}
