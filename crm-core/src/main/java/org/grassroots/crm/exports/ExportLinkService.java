package org.grassroots.crm.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.audit.AuditAction;
import org.grassroots.crm.audit.AuditEntry;
import org.grassroots.crm.audit.AuditLog;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.exports.internal.ExportDefinitionSql;
import org.grassroots.crm.exports.internal.ExportFiles;
import org.grassroots.crm.exports.internal.ExportFormatRegistry;
import org.grassroots.crm.exports.internal.ExportLinkSql;
import org.grassroots.crm.exports.internal.ExportProduction;
import org.grassroots.crm.exports.internal.ExportProductionSql;
import org.grassroots.crm.exports.internal.ExportsProperties;
import org.grassroots.crm.exports.internal.StaffMember;
import org.grassroots.crm.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Download links to ready exports and the downloads themselves. A link is a random 256-bit token (only its SHA-256 is
 * stored) that lasts {@code crm.exports.link-lifetime} but never beyond its export's file, and can be revoked.
 * Downloading takes a signed-in staff member; an export with donation fields only a fundraiser or an administrator.
 * Each download is one {@code EXPORT_DOWNLOADED} audit event, written before the first byte leaves.
 */
@Service
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME})
public class ExportLinkService {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ExportDefinitionSql definitions;
    private final ExportProductionSql productions;
    private final ExportLinkSql links;
    private final ExportFiles files;
    private final ExportFormatRegistry formats;
    private final ExportsProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ExportLinkService(ExportDefinitionSql definitions, ExportProductionSql productions, ExportLinkSql links,
            ExportFiles files, ExportFormatRegistry formats, ExportsProperties properties, AuditLog audit,
            Clock clock) {
        this.definitions = definitions;
        this.productions = productions;
        this.links = links;
        this.files = files;
        this.formats = formats;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new link to a ready export's file; its token is in the answer only.
     *
     * @param note what the link is for (at most 200 characters), or null
     * @throws InvalidInputException ({@code definitionId}) when the export has no file to download
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public NewExportLink create(long definitionId, @Nullable String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new InvalidInputException("note", "Keep the note to 200 characters.");
        }
        ExportDefinition definition = definitions.lockStatus(definitionId)
                .flatMap(status -> definitions.find(definitionId))
                .orElseThrow(() -> ExportDefinitionService.unknown(definitionId));
        Instant now = now();
        if (definition.status() != ExportStatus.READY || !now.isBefore(definition.expiresAt())) {
            throw new InvalidInputException("definitionId", "Export #" + definitionId + " has no file to download: it "
                    + (definition.status() == ExportStatus.APPROVED ? "is approved, but its file is not produced yet."
                            : "is " + definition.status().label().toLowerCase(Locale.ROOT) + "."));
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant lifetimeEnd = now.plus(properties.linkLifetime());
        Instant expiresAt = lifetimeEnd.isBefore(definition.expiresAt()) ? lifetimeEnd : definition.expiresAt();
        long id = links.insert(definitionId, sha256(token), text, StaffMember.username(), now, expiresAt);
        audit.record(AuditEntry.of(AuditAction.EXPORT_LINK_CREATED, ExportProduction.TARGET, definitionId,
                Map.of("link", id, "expiresAt", expiresAt.toString())));
        return new NewExportLink(links.find(id).orElseThrow(), token);
    }

    /**
     * Stops a link at once; revoking a revoked link changes nothing.
     *
     * @throws InvalidInputException ({@code linkId}) when there is no such link
     */
    @Transactional
    @RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
    public ExportLink revoke(long linkId) {
        ExportLink link = links.find(linkId)
                .orElseThrow(() -> new InvalidInputException("linkId", "No download link #" + linkId + "."));
        if (links.revoke(linkId, StaffMember.username(), now())) {
            audit.record(AuditEntry.of(AuditAction.EXPORT_LINK_REVOKED, ExportProduction.TARGET, link.definitionId(),
                    Map.of("link", linkId)));
        }
        return links.find(linkId).orElseThrow();
    }

    /** The export's links, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ExportLink> links(long definitionId) {
        return links.forDefinition(definitionId);
    }

    /**
     * Opens the file a link points to, for the signed-in staff member, and audits the download (who, when, which
     * export, which link, from where). The caller streams {@link ExportDownload#content()} and closes it.
     *
     * @param clientAddress the downloader's address for the audit log, or null
     * @throws ExportDownloadRefusedException one subtype per reason: unknown token, link expired, link revoked,
     *                                        export expired or withdrawn, file missing
     * @throws AccessDeniedException          when the export has donation fields and the user is neither a
     *                                        fundraiser nor an administrator
     */
    @Transactional
    public ExportDownload download(String token, @Nullable String clientAddress) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new ExportDownloadRefusedException.UnknownLink();
        }
        ExportLink link = links.lockByToken(sha256(token)).orElseThrow(ExportDownloadRefusedException.UnknownLink::new);
        Instant now = now();
        if (link.revoked()) {
            throw new ExportDownloadRefusedException.LinkRevoked(link.id(), link.revokedBy(), link.revokedAt());
        }
        if (link.expired(now)) {
            throw new ExportDownloadRefusedException.LinkExpired(link.id(), link.expiresAt());
        }
        long definitionId = link.definitionId();
        ExportDefinition definition = definitions.find(definitionId).orElseThrow();
        ExportProductionRun file = productions.ready(definitionId)
                .orElseThrow(() -> new ExportDownloadRefusedException.FileMissing(definitionId));
        if (definition.status() != ExportStatus.READY || !now.isBefore(definition.expiresAt())) {
            throw new ExportDownloadRefusedException.ExportExpired(definitionId,
                    file.fileDeletedAt() != null ? file.fileDeletedAt() : definition.expiresAt(), file.deletedBy(),
                    file.deletionReason());
        }
        if (definition.includesDonationFields() && !StaffMember.hasRole(Role.FUNDRAISER)
                && !StaffMember.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Export #" + definitionId + " contains donation fields: only fundraisers "
                    + "and administrators may download it.");
        }
        InputStream content = open(definitionId, file.id());
        try {
            links.downloaded(link.id(), now);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("link", link.id());
            facts.put("rows", file.rowCount());
            facts.put("bytes", file.contentBytes());
            facts.put("format", definition.formatId());
            audit.record(new AuditEntry(null, AuditAction.EXPORT_DOWNLOADED, ExportProduction.TARGET,
                    String.valueOf(definitionId), clientAddress, facts));
        } catch (RuntimeException e) {
            closeQuietly(content, e);
            throw e;
        }
        ExportFormatInfo format = formats.info(definition.formatId()).orElse(null);
        return new ExportDownload(definitionId, link.id(), fileName(definition, format),
                format == null ? "application/octet-stream" : format.mediaType(), file.contentBytes(), content);
    }

    private static void closeQuietly(InputStream content, RuntimeException failure) {
        try {
            content.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private InputStream open(long definitionId, long productionId) {
        try {
            return files.open(definitionId, productionId);
        } catch (NoSuchFileException e) {
            throw new ExportDownloadRefusedException.FileMissing(definitionId);
        } catch (IOException e) {
            throw new UncheckedIOException("The file of export #" + definitionId + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** {@code export-12-sierra-club-march.csv}: the id keeps it unique, the name makes it recognisable. */
    static String fileName(ExportDefinition definition, @Nullable ExportFormatInfo format) {
        String slug = definition.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
        return "export-" + definition.id() + (slug.isEmpty() ? "" : "-" + slug) + "."
                + (format == null ? "bin" : format.fileExtension());
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
