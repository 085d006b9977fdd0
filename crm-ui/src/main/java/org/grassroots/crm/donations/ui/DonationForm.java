package org.grassroots.crm.donations.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

import org.grassroots.crm.donations.Donation;
import org.grassroots.crm.donations.DonationInput;
import org.grassroots.crm.donations.DonationPlatform;
import org.grassroots.crm.donations.PaymentMethod;

/** What the donation dialog's Binder edits; becomes a {@link DonationInput} for the service. */
final class DonationForm {

    private final Long originalPersonId;
    private final String originalEmail;
    private final Long recurringPlanId;
    private String donorEmail;
    private BigDecimal amount;
    private LocalDate receivedOn = LocalDate.now();
    private PaymentMethod method;
    private DonationPlatform platform = DonationPlatform.MANUAL;
    private String externalId;
    private String campaign;
    private String employer;
    private String occupation;

    private DonationForm(Long personId, String email, Long recurringPlanId) {
        this.originalPersonId = personId;
        this.originalEmail = email;
        this.recurringPlanId = recurringPlanId;
        this.donorEmail = email;
    }

    static DonationForm blank(String donorEmail) {
        return new DonationForm(null, donorEmail, null);
    }

    static DonationForm of(Donation donation) {
        DonationForm form = new DonationForm(donation.personId(), donation.donorEmail(), donation.recurringPlanId());
        form.amount = donation.amount();
        form.receivedOn = donation.receivedOn();
        form.method = donation.method();
        form.platform = donation.platform();
        form.externalId = donation.externalId();
        form.campaign = donation.campaign();
        form.employer = donation.employer();
        form.occupation = donation.occupation();
        return form;
    }

    /** Keeps the gift's donor while the email is untouched (it may have none); otherwise finds them by email. */
    DonationInput toInput() {
        boolean sameDonor = originalPersonId != null
                && Objects.equals(normalised(donorEmail), normalised(originalEmail));
        return new DonationInput(sameDonor ? originalPersonId : null, sameDonor ? null : donorEmail, amount,
                receivedOn, method, platform, externalId, campaign, employer, occupation, recurringPlanId);
    }

    private static String normalised(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
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

    LocalDate getReceivedOn() {
        return receivedOn;
    }

    void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    PaymentMethod getMethod() {
        return method;
    }

    void setMethod(PaymentMethod method) {
        this.method = method;
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

    String getCampaign() {
        return campaign;
    }

    void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    String getEmployer() {
        return employer;
    }

    void setEmployer(String employer) {
        this.employer = employer;
    }

    String getOccupation() {
        return occupation;
    }

    void setOccupation(String occupation) {
        this.occupation = occupation;
    }
}
