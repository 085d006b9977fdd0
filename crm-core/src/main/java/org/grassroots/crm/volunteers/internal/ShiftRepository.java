package org.grassroots.crm.volunteers.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ShiftRepository extends JpaRepository<Shift, Long> {

    /** The shift, locked until the transaction ends, so two sign-ups cannot both take its last place. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Shift s where s.id = :id")
    Optional<Shift> findForUpdate(long id);

    List<Shift> findByEventIdOrderByStartsAtAscIdAsc(long eventId);
}
