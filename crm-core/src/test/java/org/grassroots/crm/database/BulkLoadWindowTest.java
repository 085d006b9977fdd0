package org.grassroots.crm.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class BulkLoadWindowTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    String parent;
    String child;

    @BeforeEach
    void tables() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        parent = "bulk_parent_" + suffix;
        child = "bulk_child_" + suffix;
        jdbc.sql("CREATE TABLE " + parent + " (id BIGINT PRIMARY KEY)").update();
        jdbc.sql("INSERT INTO " + parent + " VALUES (1), (2)").update();
        jdbc.sql("CREATE TABLE " + child + " (id BIGINT PRIMARY KEY, parent_id BIGINT REFERENCES " + parent
                + " (id), code TEXT CONSTRAINT " + child + "_code_uk UNIQUE, note TEXT)").update();
        jdbc.sql("CREATE INDEX " + child + "_note_idx ON " + child + " (note)").update();
    }

    @Test
    void aCleanLoadRestoresEveryConstraintAndIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            BulkLoadWindow window = BulkLoadWindow.open(connection, child);
            assertThat(constraintsAndIndexes(connection)).isEqualTo(1); // only the primary key is left
            load(connection, "1\t1\ta\tx\n2\t2\tb\ty\n");
            window.close();
            connection.commit();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM " + child).query(Long.class).single()).isEqualTo(2);
        assertThat(indexNames()).contains(child + "_code_uk", child + "_note_idx");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conrelid = '" + child + "'::regclass AND contype = 'f'")
                .query(Long.class).single()).isOne();
    }

    @Test
    void aDuplicateOrADanglingKeyFailsTheLoadAndRollbackRestoresTheTable() throws SQLException {
        for (String rows : new String[] {"1\t1\tsame\tx\n2\t2\tsame\ty\n", "1\t99\ta\tx\n"}) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                BulkLoadWindow window = BulkLoadWindow.open(connection, child);
                load(connection, rows);
                assertThatThrownBy(window::close).isInstanceOf(SQLException.class);
                connection.rollback();
            }
            assertThat(jdbc.sql("SELECT count(*) FROM " + child).query(Long.class).single()).isZero();
            assertThat(indexNames()).contains(child + "_code_uk", child + "_note_idx");
        }
    }

    private void load(Connection connection, String rows) throws SQLException {
        try (CopyStream copy = CopyStream.open(connection, child, "id", "parent_id", "code", "note")) {
            for (String line : rows.split("\n")) {
                String[] v = line.split("\t");
                copy.value(Long.parseLong(v[0])).value(Long.parseLong(v[1])).value(v[2]).value(v[3]);
                copy.endRow();
            }
        }
    }

    private long constraintsAndIndexes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = '" + child + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private java.util.List<String> indexNames() {
        return jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = :table").param("table", child)
                .query(String.class).list();
    }
}
