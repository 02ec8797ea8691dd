package computer.parachute.hub.supervisor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The supervisor's children in hub.db ({@code child_processes}), so the next hub can reap what an abruptly killed
 * hub left behind (DESIGN §5 Boot). A database failure is logged and never stops a module.
 */
public final class ChildRecords {
    private static final Logger LOG = Logger.getLogger(ChildRecords.class.getName());

    private final DataSource dataSource;

    public ChildRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(ChildRecord record) {
        update("INSERT OR REPLACE INTO child_processes (short, pid, start_time, command_line, recorded_at, spawn_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", statement -> {
                    statement.setString(1, record.shortName());
                    statement.setLong(2, record.pid());
                    if (record.startTime() == null) {
                        statement.setNull(3, Types.INTEGER);
                    } else {
                        statement.setLong(3, record.startTime().toEpochMilli());
                    }
                    statement.setString(4, record.commandLine());
                    statement.setLong(5, record.recordedAt().toEpochMilli());
                    statement.setString(6, record.spawnId());
                });
    }

    public void delete(String shortName, long pid) {
        update("DELETE FROM child_processes WHERE short = ? AND pid = ?", statement -> {
            statement.setString(1, shortName);
            statement.setLong(2, pid);
        });
    }

    public void deleteAll() {
        update("DELETE FROM child_processes", statement -> { });
    }

    public List<ChildRecord> all() {
        List<ChildRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT short, pid, start_time, command_line, recorded_at, spawn_id FROM child_processes"
                             + " ORDER BY rowid")) {
            while (rows.next()) {
                long startMillis = rows.getLong(3);
                Instant start = rows.wasNull() ? null : Instant.ofEpochMilli(startMillis);
                records.add(new ChildRecord(rows.getString(1), rows.getLong(2), start, rows.getString(4),
                        Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6)));
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot read child_processes from hub.db: " + e.getMessage(), e);
        }
        return records;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "hub.db child_processes update failed (" + sql.split(" ")[0] + "): "
                    + e.getMessage(), e);
        }
    }
}
