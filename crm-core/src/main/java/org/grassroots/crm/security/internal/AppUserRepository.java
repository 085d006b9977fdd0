package org.grassroots.crm.security.internal;

import java.util.List;
import java.util.Optional;

import org.grassroots.crm.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findAllByOrderByUsernameAsc();

    long countByEnabledTrue();

    @Query("select count(u) from AppUser u join u.roles r where u.enabled = true and r = :role")
    long countEnabledWithRole(Role role);
}
