package org.grassroots.crm.petitions.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.grassroots.crm.plugin.api.petitions.FieldMapping;
import org.grassroots.crm.plugin.api.petitions.SignatureField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mappings and header lists as JSON, for job parameters and the {@code mapping} columns. */
public final class MappingJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MappingJson() {
    }

    public static String write(FieldMapping mapping) {
        Map<String, String> byName = new TreeMap<>();
        mapping.columns().forEach((field, header) -> byName.put(field.name(), header));
        return JSON.writeValueAsString(byName);
    }

    /** Reads a mapping; fields this version does not know are skipped. */
    public static FieldMapping read(String json) {
        Map<SignatureField, String> columns = new EnumMap<>(SignatureField.class);
        JSON.readTree(json).properties().forEach(entry -> {
            for (SignatureField field : SignatureField.values()) {
                if (field.name().equals(entry.getKey())) {
                    columns.put(field, entry.getValue().asString());
                }
            }
        });
        return new FieldMapping(columns);
    }

    public static String writeList(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    public static List<String> readList(String json) {
        JsonNode array = JSON.readTree(json);
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
