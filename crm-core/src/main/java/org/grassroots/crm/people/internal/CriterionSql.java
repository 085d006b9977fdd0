package org.grassroots.crm.people.internal;

import java.util.Map;

/** A criterion's SQL condition over the supporters table {@code p} and the values of its bound parameters. */
public record CriterionSql(String condition, Map<String, Object> parameters) {

    public CriterionSql {
        parameters = Map.copyOf(parameters);
    }
}
