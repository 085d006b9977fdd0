package org.grassroots.crm.pluginhost.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code plugin_installation}. */
@Repository
public class PluginInstallationRepository {

    private final JdbcClient jdbc;

    PluginInstallationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PluginInstallation> findAll() {
        return jdbc.sql("SELECT * FROM plugin_installation ORDER BY plugin_id").query(this::map).list();
    }

    public Optional<PluginInstallation> find(String pluginId) {
        return jdbc.sql("SELECT * FROM plugin_installation WHERE plugin_id = :id").param("id", pluginId)
                .query(this::map).optional();
    }

    /** Records a new install, or the new version of an upgrade (which keeps the enabled flag). */
    public void save(PluginPackage plugin, boolean bundled, String installedBy) {
        jdbc.sql("""
                INSERT INTO plugin_installation (plugin_id, version, file_name, sha256, enabled, bundled, description,
                                                 provider, requires, installed_by)
                VALUES (:id, :version, :fileName, :sha256, TRUE, :bundled, :description, :provider, :requires, :by)
                ON CONFLICT (plugin_id) DO UPDATE SET
                    version = EXCLUDED.version, file_name = EXCLUDED.file_name, sha256 = EXCLUDED.sha256,
                    bundled = EXCLUDED.bundled, description = EXCLUDED.description, provider = EXCLUDED.provider,
                    requires = EXCLUDED.requires, installed_by = EXCLUDED.installed_by, installed_at = now(),
                    updated_at = now()
                """)
                .param("id", plugin.id()).param("version", plugin.version())
                .param("fileName", plugin.installedFileName()).param("sha256", plugin.sha256())
                .param("bundled", bundled).param("description", plugin.description())
                .param("provider", plugin.provider()).param("requires", plugin.requires()).param("by", installedBy)
                .update();
    }

    /** Sets the enabled flag; returns whether it changed. */
    public boolean setEnabled(String pluginId, boolean enabled) {
        return jdbc.sql("""
                UPDATE plugin_installation SET enabled = :enabled, updated_at = now()
                WHERE plugin_id = :id AND enabled <> :enabled
                """).param("id", pluginId).param("enabled", enabled).update() > 0;
    }

    public void delete(String pluginId) {
        jdbc.sql("DELETE FROM plugin_installation WHERE plugin_id = :id").param("id", pluginId).update();
    }

    private PluginInstallation map(ResultSet row, int number) throws SQLException {
        return new PluginInstallation(row.getString("plugin_id"), row.getString("version"),
                row.getString("file_name"), row.getString("sha256"), row.getBoolean("enabled"),
                row.getBoolean("bundled"), row.getString("description"), row.getString("provider"),
                row.getString("requires"), row.getString("installed_by"),
                row.getTimestamp("installed_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}
