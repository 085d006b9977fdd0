package org.grassroots.crm.jobs;

import java.util.Map;

/**
 * A job to run in the background.
 *
 * @param type       the {@link JobHandler#type()} that runs it
 * @param title      what staff see on the Jobs screen, for example "Import signatures from march.csv"
 * @param parameters small string parameters for the handler (file ids, list ids); never secrets or personal data
 */
public record JobRequest(String type, String title, Map<String, String> parameters) {

    public JobRequest {
        parameters = Map.copyOf(parameters);
    }
}
