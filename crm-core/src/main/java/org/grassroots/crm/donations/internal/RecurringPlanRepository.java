package org.grassroots.crm.donations.internal;

import org.grassroots.crm.donations.DonationPlatform;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecurringPlanRepository extends JpaRepository<RecurringPlanEntity, Long> {

    boolean existsByPlatformAndExternalId(DonationPlatform platform, String externalId);

    boolean existsByPlatformAndExternalIdAndIdNot(DonationPlatform platform, String externalId, Long id);
}
