package org.grassroots.crm.exports;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a grant came from: a petition's co-sponsor checkbox (with the petition), an import (with its batch and the
 * column that held the answer) or a staff member's entry.
 */
public record ConsentSource(ConsentSourceKind kind, @Nullable Long petitionId, @Nullable Long importBatchId,
        @Nullable String importColumn) {

    public ConsentSource {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case PETITION_COSPONSOR -> Objects.requireNonNull(petitionId, "petitionId");
            case IMPORT -> {
                Objects.requireNonNull(importBatchId, "importBatchId");
                Objects.requireNonNull(importColumn, "importColumn");
            }
            case MANUAL -> { }
        }
    }

    public static ConsentSource manual() {
        return new ConsentSource(ConsentSourceKind.MANUAL, null, null, null);
    }

    public static ConsentSource imported(long importBatchId, String column) {
        return new ConsentSource(ConsentSourceKind.IMPORT, null, importBatchId, column);
    }

    public static ConsentSource petitionCosponsor(long petitionId) {
        return new ConsentSource(ConsentSourceKind.PETITION_COSPONSOR, petitionId, null, null);
    }
}
