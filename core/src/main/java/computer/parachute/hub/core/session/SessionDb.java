package computer.parachute.hub.core.session;

import computer.parachute.hub.core.db.DbWork;
import computer.parachute.hub.core.db.HubDatabase;

/** {@link DbWork} for the dashboard tables: a failure is a {@link SessionStoreException} naming hub.db and the step. */
final class SessionDb {
    private SessionDb() {}

    static <T> T inTransaction(HubDatabase db, String what, DbWork.Work<T> work) {
        return DbWork.inTransaction(db, work, e -> failure(db, what, e));
    }

    /** Without a transaction: every request reads its session, and a transaction would take hub.db's write lock. */
    static <T> T withConnection(HubDatabase db, String what, DbWork.Work<T> work) {
        return DbWork.withConnection(db, work, e -> failure(db, what, e));
    }

    private static SessionStoreException failure(HubDatabase db, String what, java.sql.SQLException e) {
        return new SessionStoreException("cannot " + what + " in " + db.file() + ": " + e.getMessage(), e);
    }
}
