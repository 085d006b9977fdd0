package org.grassroots.crm.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluginSqlCheckTest {

    private static final String ID = "email-list-sync";

    @Test
    void thePrefixAndHistoryTableFollowTheId() {
        assertThat(PluginSqlCheck.prefix("email-list-sync")).isEqualTo("plugin_email_list_sync_");
        assertThat(PluginSqlCheck.prefix("Demo.Plugin")).isEqualTo("plugin_demo_plugin_");
        assertThat(PluginMigrations.historyTable("demo-plugin")).isEqualTo("flyway_plugin_demo_plugin");
    }

    @Test
    void aPluginsOwnObjectsPass() {
        String script = """
                -- the plugin's sync state; CREATE TABLE person would be refused, but not in a comment
                CREATE TABLE plugin_email_list_sync_member (
                    list_id   TEXT NOT NULL,
                    person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
                    language  TEXT,
                    copy      TEXT,
                    note      TEXT DEFAULT 'INSERT INTO person VALUES (1)',
                    PRIMARY KEY (list_id, person_id)
                );
                CREATE INDEX plugin_email_list_sync_member_person_idx ON plugin_email_list_sync_member (person_id);
                CREATE UNIQUE INDEX IF NOT EXISTS "plugin_email_list_sync_x" ON public.plugin_email_list_sync_member (copy);
                CREATE INDEX ON plugin_email_list_sync_member (language);
                CREATE SEQUENCE plugin_email_list_sync_seq;
                CREATE FUNCTION plugin_email_list_sync_touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE plugin_email_list_sync_member SET note = 'x' WHERE false;
                    RETURN NEW;
                END;
                $$;
                CREATE TRIGGER touch BEFORE UPDATE ON plugin_email_list_sync_member
                    FOR EACH ROW EXECUTE FUNCTION plugin_email_list_sync_touch();
                INSERT INTO plugin_email_list_sync_member (list_id, person_id) SELECT 'a', id FROM person LIMIT 0;
                ALTER TABLE plugin_email_list_sync_member ADD COLUMN synced_at TIMESTAMPTZ;
                INSERT INTO plugin_email_list_sync_member (list_id, person_id) VALUES ('b', 1)
                    ON CONFLICT DO NOTHING;
                """;

        assertThat(PluginSqlCheck.problems(ID, script)).isEmpty();
    }

    @Test
    void objectsWithoutThePrefixAreRefused() {
        assertThat(PluginSqlCheck.problems(ID, "CREATE TABLE sync_state (id int);"))
                .singleElement().asString().contains("sync_state").contains("plugin_email_list_sync_");
        assertThat(PluginSqlCheck.problems(ID, "create unlogged table if not exists Cache (id int);")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE TABLE plugin_other_plugin_x (id int);")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE VIEW members AS SELECT 1;")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE OR REPLACE FUNCTION touch() RETURNS int AS $$ SELECT 1 $$ "
                + "LANGUAGE sql;")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE TABLE \"Plugin_email_list_sync_x\" (id int);")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE TABLE other.plugin_email_list_sync_x (id int);"))
                .singleElement().asString().contains("schema other");
    }

    @Test
    void changingCoreTablesIsRefused() {
        assertThat(PluginSqlCheck.problems(ID, "ALTER TABLE person ADD COLUMN mailchimp_id TEXT;")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "DROP TABLE person_email;")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "UPDATE person_email SET status = 'SUBSCRIBED';")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "update person_email e set status = 'SUBSCRIBED';")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "DELETE FROM audit_event;")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "INSERT INTO app_user_role VALUES (1, 'ADMIN');")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "TRUNCATE TABLE subscription_event;")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE INDEX plugin_email_list_sync_i ON person (city);"))
                .hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE TRIGGER t AFTER INSERT ON person_email "
                + "FOR EACH ROW EXECUTE FUNCTION plugin_email_list_sync_f();")).hasSize(1);
        assertThat(PluginSqlCheck.problems(ID, "CREATE FUNCTION plugin_email_list_sync_f() RETURNS trigger AS $$ "
                + "BEGIN DELETE FROM person_note; RETURN NULL; END $$ LANGUAGE plpgsql;")).hasSize(1);
    }

    @Test
    void statementsThatReachBeyondThePluginAreRefused() {
        assertThat(PluginSqlCheck.problems(ID, "GRANT ALL ON plugin_email_list_sync_x TO public;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "CREATE EXTENSION plpython3u;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "DO $$ BEGIN EXECUTE 'DROP TABLE person'; END $$;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "CREATE FUNCTION plugin_email_list_sync_f() RETURNS void AS $$ "
                + "BEGIN EXECUTE format('DROP TABLE %I', 'person'); END $$ LANGUAGE plpgsql;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "COPY plugin_email_list_sync_x FROM PROGRAM 'id';")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "CREATE FUNCTION plugin_email_list_sync_f() RETURNS int "
                + "AS 'lib', 'f' LANGUAGE c;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "ALTER SYSTEM SET fsync = off;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "SET ROLE postgres;")).isNotEmpty();
        assertThat(PluginSqlCheck.problems(ID, "CREATE SCHEMA plugin_email_list_sync_s;")).isNotEmpty();
    }
}
