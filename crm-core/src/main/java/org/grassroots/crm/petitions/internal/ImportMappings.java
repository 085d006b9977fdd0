package org.grassroots.crm.petitions.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mappings saved under a source name, offered again by the import wizard. */
@Repository
public class ImportMappings {

    private final JdbcClient jdbc;

    ImportMappings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, FieldMapping> all() {
        Map<String, FieldMapping> bySource = new LinkedHashMap<>();
        jdbc.sql("SELECT source, mapping::text FROM import_mapping ORDER BY lower(source)")
                .query((rs, n) -> bySource.put(rs.getString(1), MappingJson.read(rs.getString(2)))).list();
        return bySource;
    }

    public void save(String source, FieldMapping mapping, String savedBy) {
        jdbc.sql("""
                INSERT INTO import_mapping (source, mapping, saved_by) VALUES (:source, CAST(:mapping AS jsonb), :by)
                ON CONFLICT (source) DO UPDATE SET mapping = excluded.mapping, saved_by = excluded.saved_by,
                    saved_at = now()""")
                .param("source", source).param("mapping", MappingJson.write(mapping)).param("by", savedBy).update();
    }
}
