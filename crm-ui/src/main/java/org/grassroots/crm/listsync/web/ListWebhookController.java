package org.grassroots.crm.listsync.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.grassroots.crm.listsync.ListSyncWebhooks;
import org.grassroots.crm.listsync.WebhookReceipt;
import org.grassroots.crm.plugin.api.PluginUnavailableException;
import org.grassroots.crm.plugin.api.email.WebhookRejectedException;
import org.grassroots.crm.plugin.api.email.WebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook endpoint e-mail services call: {@code /hooks/lists/<plugin id>/<extension id>/<secret>}, GET (some
 * services check the URL with a GET first) or POST. Open without a login and exempt from CSRF (see the security
 * configuration): the provider checks the secret or the signature. Answers 200 when the call was taken, 403 when the
 * provider finds it not genuine, 400 when it cannot be read, 404 for a list no started plugin offers, 413 for a body
 * over 1 MB and 503 when the plugin failed. The secret is never logged.
 */
@RestController
class ListWebhookController {

    static final String PATH = "/hooks/lists/{pluginId}/{extensionId}/{secret}";
    static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(ListWebhookController.class);

    private final ListSyncWebhooks webhooks;

    ListWebhookController(ListSyncWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @RequestMapping(path = PATH, method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> receive(@PathVariable String pluginId, @PathVariable String extensionId,
            @PathVariable String secret, HttpServletRequest request) throws IOException {
        String list = pluginId + ":" + extensionId;
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return text(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than 1 MB.");
        }
        WebhookRequest call = new WebhookRequest(request.getMethod().toUpperCase(Locale.ROOT), secret,
                headers(request), fields(request, body), body);
        try {
            Optional<WebhookReceipt> receipt = webhooks.receive(pluginId, extensionId, call);
            if (receipt.isEmpty()) {
                return text(HttpStatus.NOT_FOUND, "No such list.");
            }
            WebhookReceipt taken = receipt.get();
            log.info("Webhook for list {}: {} changes, {} already applied, {} applied now", list, taken.changes(),
                    taken.duplicates(), taken.applied());
            return text(HttpStatus.OK, "OK");
        } catch (WebhookRejectedException e) {
            log.warn("Webhook for list {} refused ({}): {}", list, e.forbidden() ? 403 : 400, e.getMessage());
            return e.forbidden() ? text(HttpStatus.FORBIDDEN, "Forbidden.")
                    : text(HttpStatus.BAD_REQUEST, "The request could not be read.");
        } catch (PluginUnavailableException e) {
            log.warn("Webhook for list {} not taken: {}", list, e.getMessage());
            return text(HttpStatus.SERVICE_UNAVAILABLE, "The list is not available.");
        }
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    /** Query parameters and, for a form post, the form's fields (read from the body already taken). */
    private static Map<String, List<String>> fields(HttpServletRequest request, byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        decode(request.getQueryString(), fields);
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            decode(new String(body, StandardCharsets.UTF_8), fields);
        }
        return fields;
    }

    private static void decode(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }
}
