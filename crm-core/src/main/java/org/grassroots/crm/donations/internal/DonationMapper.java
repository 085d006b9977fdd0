package org.grassroots.crm.donations.internal;

import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.Donor;
import org.grassroots.crm.donations.RecurringPlan;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entity → record, with the donor's name and email from the lookup the service already made. */
@Mapper(componentModel = "spring")
public interface DonationMapper {

    @Mapping(target = "id", source = "entity.id")
    @Mapping(target = "personId", source = "entity.personId")
    @Mapping(target = "donorName", source = "donor.name")
    @Mapping(target = "donorEmail", source = "donor.email")
    Donation toDonation(DonationEntity entity, @Nullable Donor donor);

    @Mapping(target = "id", source = "entity.id")
    @Mapping(target = "personId", source = "entity.personId")
    @Mapping(target = "donorName", source = "donor.name")
    @Mapping(target = "donorEmail", source = "donor.email")
    RecurringPlan toPlan(RecurringPlanEntity entity, @Nullable Donor donor);
}
