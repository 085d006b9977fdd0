package org.grassroots.crm.petitions.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PetitionRepository extends JpaRepository<PetitionEntity, Long> {

    Optional<PetitionEntity> findBySlug(String slug);
}
