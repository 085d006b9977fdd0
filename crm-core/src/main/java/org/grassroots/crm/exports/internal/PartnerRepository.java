package org.grassroots.crm.exports.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PartnerRepository extends JpaRepository<PartnerEntity, Long> {

    @Query("SELECT p FROM PartnerEntity p WHERE lower(p.name) = lower(?1)")
    Optional<PartnerEntity> findByNameIgnoringCase(String name);

    @Query("SELECT p FROM PartnerEntity p ORDER BY lower(p.name), p.id")
    List<PartnerEntity> findAllByName();
}
