package org.grassroots.crm.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportStatusTest {

    @Test
    void movesOnlyAlongTheExportLifeCycle() {
        assertThat(ExportStatus.PENDING_APPROVAL.next()).containsExactlyInAnyOrder(ExportStatus.APPROVED,
                ExportStatus.REJECTED);
        assertThat(ExportStatus.APPROVED.next()).containsExactlyInAnyOrder(ExportStatus.READY,
                ExportStatus.PENDING_APPROVAL);
        assertThat(ExportStatus.READY.next()).containsExactly(ExportStatus.EXPIRED);
        assertThat(ExportStatus.REJECTED.next()).isEmpty();
        assertThat(ExportStatus.EXPIRED.next()).isEmpty();
        assertThat(ExportStatus.REJECTED.canMoveTo(ExportStatus.APPROVED)).isFalse();
        assertThat(ExportStatus.READY.canMoveTo(ExportStatus.APPROVED)).isFalse();
        assertThat(ExportStatus.PENDING_APPROVAL.canMoveTo(ExportStatus.READY)).isFalse();
    }

    @Test
    void anIllegalStepSaysWhereTheExportStandsAndWhatToDo() {
        IllegalExportTransitionException refused = new IllegalExportTransitionException(7, ExportStatus.REJECTED,
                ExportStatus.APPROVED);
        assertThat(refused).hasMessage("Export #7 is rejected (REJECTED); it cannot become APPROVED. Create a new "
                + "export definition instead.");
        assertThat(refused.from()).isEqualTo(ExportStatus.REJECTED);
        assertThat(refused.to()).isEqualTo(ExportStatus.APPROVED);
    }
}
