package org.grassroots.crm.jobs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.grassroots.crm.jobs.JobCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The JSON columns of {@code job}: parameters as an object, counters as an array of {@code [name, value]} pairs,
 * because a JSONB object forgets the order in which a job first counted its counters.
 */
final class JobJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobJson() {
    }

    static String parameters(Map<String, String> parameters) {
        return JSON.writeValueAsString(new TreeMap<>(parameters));
    }

    static Map<String, String> parameters(String json) {
        Map<String, String> parameters = new LinkedHashMap<>();
        JSON.readTree(json).properties().forEach(entry -> parameters.put(entry.getKey(), entry.getValue().asString()));
        return parameters;
    }

    static String counts(Map<String, Long> counts) {
        ArrayNode pairs = JSON.createArrayNode();
        counts.forEach((name, value) -> pairs.addArray().add(name).add(value));
        return JSON.writeValueAsString(pairs);
    }

    static List<JobCount> counts(String json) {
        List<JobCount> counts = new ArrayList<>();
        for (JsonNode pair : JSON.readTree(json)) {
            counts.add(new JobCount(pair.get(0).asString(), pair.get(1).asLong()));
        }
        return counts;
    }
}
