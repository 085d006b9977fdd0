package org.grassroots.crm.plugin.api.email;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request the provider sent to the CRM's webhook endpoint for this plugin, passed on as received.
 *
 * @param method      the HTTP method, upper-case
 * @param pathSecret  the secret part of the webhook URL the request came to
 * @param headers     request headers, names lower-case
 * @param formOrQuery form fields (for {@code application/x-www-form-urlencoded}) and query parameters
 * @param body        the raw body
 */
public record WebhookRequest(String method, String pathSecret, Map<String, List<String>> headers,
        Map<String, List<String>> formOrQuery, byte[] body) {
}
