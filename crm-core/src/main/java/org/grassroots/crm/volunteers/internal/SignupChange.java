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

/** One step in a sign-up's story (made, status changed, hours logged), for the supporter timeline. */
@Entity
@Table(name = "signup_change")
public class SignupChange {

    public enum Kind { SIGNED_UP, STATUS, HOURS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "signup_id", nullable = false, updatable = false)
    private Long signupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SignupStatus status;

    @Column(precision = 5, scale = 2, updatable = false)
    private BigDecimal hours;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected SignupChange() {
    }

    public SignupChange(Signup signup, Kind kind, Instant now) {
        this.signupId = signup.getId();
        this.kind = kind;
        this.status = signup.getStatus();
        this.hours = signup.getHours();
        this.changedAt = now;
    }
}
