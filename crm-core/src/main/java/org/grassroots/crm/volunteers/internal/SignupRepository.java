package org.grassroots.crm.volunteers.internal;

import java.util.Collection;
import java.util.Optional;

import org.grassroots.crm.volunteers.SignupStatus;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SignupRepository extends JpaRepository<Signup, Long> {

    long countByShiftIdAndStatusIn(long shiftId, Collection<SignupStatus> statuses);

    Optional<Signup> findByShiftIdAndPersonId(long shiftId, long personId);
}
