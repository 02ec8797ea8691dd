package computer.parachute.hub.core.token;

import computer.parachute.hub.core.db.DbWork;
import computer.parachute.hub.core.db.HubDatabase;

import java.sql.SQLException;

/** {@link DbWork} for the token tables: a failure is a {@link TokenStoreException} naming hub.db and the step. */
final class Transactions {
    @FunctionalInterface
    interface Work<T> extends DbWork.Work<T> {}

    private Transactions() {}

    static <T> T inTransaction(HubDatabase db, String what, Work<T> work) {
        return DbWork.inTransaction(db, work, e -> failure(db, what, e));
    }

    static <T> T withConnection(HubDatabase db, String what, Work<T> work) {
        return DbWork.withConnection(db, work, e -> failure(db, what, e));
    }

    private static TokenStoreException failure(HubDatabase db, String what, SQLException e) {
        return new TokenStoreException("cannot " + what + " in " + db.file() + ": " + e.getMessage(), e);
    }
}
