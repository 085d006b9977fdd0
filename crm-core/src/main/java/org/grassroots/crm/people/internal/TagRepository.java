package org.grassroots.crm.people.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TagRepository extends JpaRepository<TagEntity, Long> {

    Optional<TagEntity> findFirstByNameIgnoreCase(String name);

    List<TagEntity> findAllByOrderByNameAsc();
}
