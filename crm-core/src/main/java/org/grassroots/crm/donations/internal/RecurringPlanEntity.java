package org.grassroots.crm.donations.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PlanInterval;
import org.grassroots.crm.donations.PlanStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recurring plan row for interactive edits. */
@Entity
@Table(name = "recurring_plan")
public class RecurringPlanEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id")
    private Long personId;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency = "USD";

    @Enumerated(EnumType.STRING)
    @Column(name = "charge_interval", nullable = false)
    private PlanInterval interval;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status = PlanStatus.ACTIVE;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "next_charge_on")
    private LocalDate nextChargeOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_platform", nullable = false)
    private DonationPlatform platform;

    @Column(name = "external_id")
    private String externalId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected RecurringPlanEntity() {
    }

    public RecurringPlanEntity(PlanValues values, Instant now) {
        apply(values, now);
        // PostgreSQL keeps microseconds; the record returned now must equal the one read back later
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void apply(PlanValues values, Instant now) {
        this.personId = values.personId();
        this.amount = values.amount();
        this.interval = values.interval();
        this.startedOn = values.startedOn();
        this.nextChargeOn = values.nextChargeOn();
        this.platform = values.platform();
        this.externalId = values.externalId();
        this.updatedAt = now;
    }

    public void changeStatus(PlanStatus newStatus, Instant now) {
        this.status = newStatus;
        if (newStatus == PlanStatus.CANCELLED) {
            this.nextChargeOn = null;
        }
        this.updatedAt = now;
    }

    public PlanValues values() {
        return new PlanValues(personId, amount, interval, startedOn, nextChargeOn, platform, externalId);
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public PlanInterval getInterval() {
        return interval;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getNextChargeOn() {
        return nextChargeOn;
    }

    public DonationPlatform getPlatform() {
        return platform;
    }

    public String getExternalId() {
        return externalId;
    }
}
