package org.grassroots.crm.exports.internal;

import org.grassroots.crm.exports.Partner;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
public interface PartnerMapper {

    Partner toPartner(PartnerEntity entity);
}
