package org.grassroots.crm.donations.ui;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PlanInterval;
import org.grassroots.crm.donations.RecurringPlan;
import org.grassroots.crm.donations.RecurringPlanInput;

/** What the recurring plan dialog's Binder edits; becomes a {@link RecurringPlanInput} for the service. */
final class PlanForm {

    private String donorEmail;
    private BigDecimal amount;
    private PlanInterval interval = PlanInterval.MONTHLY;
    private LocalDate startedOn = LocalDate.now();
    private LocalDate nextChargeOn;
    private DonationPlatform platform = DonationPlatform.ACTBLUE;
    private String externalId;

    static PlanForm blank() {
        return new PlanForm();
    }

    static PlanForm of(RecurringPlan plan) {
        PlanForm form = new PlanForm();
        form.donorEmail = plan.donorEmail();
        form.amount = plan.amount();
        form.interval = plan.interval();
        form.startedOn = plan.startedOn();
        form.nextChargeOn = plan.nextChargeOn();
        form.platform = plan.platform();
        form.externalId = plan.externalId();
        return form;
    }

    RecurringPlanInput toInput() {
        return new RecurringPlanInput(null, donorEmail, amount, interval, startedOn, nextChargeOn, platform,
                externalId);
    }

    String getDonorEmail() {
        return donorEmail;
    }

    void setDonorEmail(String donorEmail) {
        this.donorEmail = donorEmail;
    }

    BigDecimal getAmount() {
        return amount;
    }

    void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    PlanInterval getInterval() {
        return interval;
    }

    void setInterval(PlanInterval interval) {
        this.interval = interval;
    }

    LocalDate getStartedOn() {
        return startedOn;
    }

    void setStartedOn(LocalDate startedOn) {
        this.startedOn = startedOn;
    }

    LocalDate getNextChargeOn() {
        return nextChargeOn;
    }

    void setNextChargeOn(LocalDate nextChargeOn) {
        this.nextChargeOn = nextChargeOn;
    }

    DonationPlatform getPlatform() {
        return platform;
    }

    void setPlatform(DonationPlatform platform) {
        this.platform = platform;
    }

    String getExternalId() {
        return externalId;
    }

    void setExternalId(String externalId) {
        this.externalId = externalId;
    }
}
