package org.grassroots.crm.volunteers.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ManagedSkillRepository extends JpaRepository<ManagedSkill, Long> {

    @Query("select s from ManagedSkill s order by lower(s.name), s.id")
    List<ManagedSkill> findAllInNameOrder();

    @Query("select s from ManagedSkill s where s.id in :ids order by lower(s.name), s.id")
    List<ManagedSkill> findAllInNameOrder(Collection<Long> ids);

    Optional<ManagedSkill> findByNameIgnoreCase(String name);
}
