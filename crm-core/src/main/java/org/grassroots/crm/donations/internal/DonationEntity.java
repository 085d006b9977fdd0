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
import org.grassroots.crm.donations.PaymentMethod;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A donation row for interactive edits. Lists and reports read the table with SQL instead. */
@Entity
@Table(name = "donation")
public class DonationEntity {

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

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentMethod method;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_platform", nullable = false)
    private DonationPlatform platform;

    @Column(name = "external_id")
    private String externalId;

    private String campaign;

    private String employer;

    private String occupation;

    @Column(name = "recurring_plan_id")
    private Long recurringPlanId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected DonationEntity() {
    }

    public DonationEntity(DonationValues values, Instant now) {
        apply(values, now);
        // PostgreSQL keeps microseconds; the record returned now must equal the one read back later
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public void apply(DonationValues values, Instant now) {
        this.personId = values.personId();
        this.amount = values.amount();
        this.receivedOn = values.receivedOn();
        this.method = values.method();
        this.platform = values.platform();
        this.externalId = values.externalId();
        this.campaign = values.campaign();
        this.employer = values.employer();
        this.occupation = values.occupation();
        this.recurringPlanId = values.recurringPlanId();
        this.updatedAt = now;
    }

    public DonationValues values() {
        return new DonationValues(personId, amount, receivedOn, method, platform, externalId, campaign, employer,
                occupation, recurringPlanId);
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

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public PaymentMethod getMethod() {
        return method;
    }

    public DonationPlatform getPlatform() {
        return platform;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getCampaign() {
        return campaign;
    }

    public String getEmployer() {
        return employer;
    }

    public String getOccupation() {
        return occupation;
    }

    public Long getRecurringPlanId() {
        return recurringPlanId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
