package computer.parachute.hub.core.session;

import computer.parachute.hub.core.db.HubDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs one unit of work on a hub.db connection, as a transaction, turning SQL failures into one readable error. */
final class SessionDb {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private SessionDb() {}

    static <T> T inTransaction(HubDatabase db, String what, Work<T> work) {
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
            throw new SessionStoreException("cannot " + what + " in " + db.file() + ": " + e.getMessage(), e);
        }
    }
}
