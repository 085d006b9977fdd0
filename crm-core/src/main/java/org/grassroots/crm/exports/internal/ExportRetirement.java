package org.grassroots.crm.exports.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a ready export's life, by the expiry sweep or a person withdrawing it: the export becomes expired (every link
 * to it stops), its production records when and why the file went, and the file is deleted once that is committed.
 * A file whose deletion fails is left to the sweep, which deletes every file no ready export owns.
 */
@Component
public class ExportRetirement {

    private static final Logger log = LoggerFactory.getLogger(ExportRetirement.class);

    private final ExportProduction production;
    private final ExportProductionSql productions;
    private final ExportFiles files;
    private final Clock clock;

    ExportRetirement(ExportProduction production, ExportProductionSql productions, ExportFiles files, Clock clock) {
        this.production = production;
        this.productions = productions;
        this.files = files;
        this.clock = clock;
    }

    /**
     * @param withdrawnBy who withdrew it early, or {@code null} when its time ran out
     * @throws org.grassroots.crm.exports.IllegalExportTransitionException when it is not ready
     */
    @Transactional
    public void retire(long definitionId, @Nullable String withdrawnBy, String reason) {
        production.expire(definitionId, withdrawnBy == null ? reason : "withdrawn by " + withdrawnBy + ": " + reason);
        productions.ready(definitionId).ifPresent(run -> {
            productions.fileDeleted(run.id(), withdrawnBy, reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        files.delete(definitionId, run.id());
                    } catch (IOException e) {
                        log.warn("Could not delete the file of export #{}; the next sweep tries again", definitionId,
                                e);
                    }
                }
            });
        });
    }
}
