package org.grassroots.crm.petitions.internal;

import org.grassroots.crm.petitions.Petition;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
public interface PetitionMapper {

    Petition toPetition(PetitionEntity entity);
}
