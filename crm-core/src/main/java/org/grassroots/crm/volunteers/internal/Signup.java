package org.grassroots.crm.volunteers.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.grassroots.crm.volunteers.SignupStatus;

/** A person's place on a shift. {@code personId} is null once the person was erased. */
@Entity
@Table(name = "signup")
public class Signup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "shift_id", nullable = false, updatable = false)
    private Long shiftId;

    @Column(name = "person_id")
    private Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignupStatus status;

    @Column(precision = 5, scale = 2)
    private BigDecimal hours;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Signup() {
    }

    public Signup(long shiftId, long personId, Instant now) {
        this.shiftId = shiftId;
        this.personId = personId;
        this.status = SignupStatus.SIGNED_UP;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getShiftId() {
        return shiftId;
    }

    public Long getPersonId() {
        return personId;
    }

    public SignupStatus getStatus() {
        return status;
    }

    public BigDecimal getHours() {
        return hours;
    }

    /** Hours belong to attendance only: leaving {@code ATTENDED} clears them. */
    public void changeStatus(SignupStatus status, Instant now) {
        this.status = status;
        if (status != SignupStatus.ATTENDED) {
            this.hours = null;
        }
        this.updatedAt = now;
    }

    public void logHours(BigDecimal hours, Instant now) {
        this.hours = hours;
        this.updatedAt = now;
    }
}
