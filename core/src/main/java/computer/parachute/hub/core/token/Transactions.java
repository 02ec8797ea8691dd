package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.HubDatabase;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on one hub.db connection. Transactions begin IMMEDIATE (HubDatabase's setting), so a
 * check-then-insert inside one is atomic across the hub and CLI processes.
 */
final class Transactions {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {}

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
            throw failure(db, what, e);
        }
    }

    static <T> T withConnection(HubDatabase db, String what, Work<T> work) {
        try (Connection connection = db.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(db, what, e);
        }
    }

    private static TokenStoreException failure(HubDatabase db, String what, SQLException e) {
        return new TokenStoreException("cannot " + what + " in " + db.file() + ": " + e.getMessage(), e);
    }
}
