package org.grassroots.crm.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.internal.AuditRepository;
import org.grassroots.crm.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log: who did what, when (UTC), to which target. Recording joins the caller's
 * transaction, so an audited change and its event commit or roll back together. Reading is for admins only.
 */
@Service
public class AuditLog {

    /** The most events one {@link #find} call returns; page further with {@code offset}. */
    public static final int MAX_PAGE_SIZE = 500;

    static final String SYSTEM_ACTOR = "system";

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
        this.json = JsonMapper.builder().build();
    }

    @Transactional
    public void record(AuditEntry entry) {
        String actor = entry.actor() != null ? entry.actor() : currentActor();
        repository.insert(actor, entry.action().name(), entry.targetType(), entry.targetId(), entry.clientAddress(),
                json.writeValueAsString(entry.details()));
    }

    /**
     * Newest first (by id, which follows insertion order); {@code offset}/{@code limit} page through the filtered
     * events, at most {@link #MAX_PAGE_SIZE} per call.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
        return repository.find(filter, offset, Math.min(limit, MAX_PAGE_SIZE));
    }

    /** How many events of {@code action} happened since {@code since}; for the admin dashboard. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public long countSince(AuditAction action, Instant since) {
        return repository.countSince(action.name(), since);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() && authentication.getName() != null
                ? authentication.getName() : SYSTEM_ACTOR;
    }
}
