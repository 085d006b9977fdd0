package org.grassroots.crm.pluginhost.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Audit events about plugins, with target type {@code plugin} and the plugin id as target. */
@Component
public class PluginAuditTrail {

    static final String TARGET_TYPE = "plugin";
    private static final Logger log = LoggerFactory.getLogger(PluginAuditTrail.class);

    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;

    PluginAuditTrail(AuditLog audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An admin's change (or the system's, for {@code actor} "system"); joins the caller's transaction. */
    public void record(@Nullable String actor, AuditAction action, String pluginId, Map<String, ?> details) {
        audit.record(new AuditEntry(actor, action, TARGET_TYPE, pluginId, null, details));
    }

    /**
     * A plugin failed. Written in a transaction of its own, so a caller's rollback does not erase it, and never
     * throws: the caller is already dealing with the failure itself.
     */
    public void failed(String pluginId, @Nullable String version, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        if (version != null) {
            details.put("version", version);
        }
        try {
            ownTransaction.executeWithoutResult(status -> record("system", AuditAction.PLUGIN_FAILED, pluginId,
                    details));
        } catch (RuntimeException e) {
            log.error("Could not audit the failure of plugin {}: {}", pluginId, reason, e);
        }
    }
}
