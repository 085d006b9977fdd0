package org.grassroots.crm.audit;

/** Everything the audit log records. Stored by name, so renaming a constant needs a migration. */
public enum AuditAction {
    LOGIN_SUCCEEDED("Signed in"),
    LOGIN_FAILED("Sign-in failed"),
    LOGIN_LOCKED("Sign-in refused: locked"),
    LOGOUT("Signed out"),
    USER_CREATED("User created"),
    USER_UPDATED("User changed"),
    ROLES_CHANGED("Roles changed"),
    USER_DISABLED("User disabled"),
    USER_ENABLED("User enabled"),
    PASSWORD_RESET("Password reset by admin"),
    PASSWORD_CHANGED("Password changed"),
    DEMO_DATA_GENERATED("Demo data generated"),
    PERSON_CREATED("Supporter created"),
    PERSON_MERGED("Supporters merged"),
    PERSON_ERASED("Supporter erased"),
    PERSON_EXPORTED("Supporter data exported"),
    VOLUNTEER_ENROLLED("Volunteer enrolled"),
    VOLUNTEER_UPDATED("Volunteer profile changed"),
    SKILL_CREATED("Volunteer skill added"),
    SKILL_UPDATED("Volunteer skill changed"),
    EVENT_CREATED("Event created"),
    EVENT_UPDATED("Event changed"),
    SHIFT_CREATED("Shift added"),
    SHIFT_UPDATED("Shift changed"),
    SIGNUP_CREATED("Signed up for a shift"),
    SIGNUP_STATUS_CHANGED("Sign-up status changed"),
    HOURS_LOGGED("Volunteer hours logged"),
    DONATION_RECORDED("Donation recorded"),
    DONATION_UPDATED("Donation changed"),
    DONATION_DELETED("Donation deleted"),
    RECURRING_PLAN_CREATED("Recurring plan added"),
    RECURRING_PLAN_UPDATED("Recurring plan changed"),
    RECURRING_PLAN_STATUS_CHANGED("Recurring plan status changed"),
    RECURRING_PLAN_DELETED("Recurring plan deleted"),
    DONOR_SUMMARIES_REFRESHED("Donor summaries rebuilt"),
    PLUGIN_INSTALLED("Plugin installed"),
    PLUGIN_UPGRADED("Plugin upgraded"),
    PLUGIN_REJECTED("Plugin upload refused"),
    PLUGIN_ENABLED("Plugin enabled"),
    PLUGIN_DISABLED("Plugin disabled"),
    PLUGIN_RESTARTED("Plugin restarted"),
    PLUGIN_UNINSTALLED("Plugin uninstalled"),
    PLUGIN_FAILED("Plugin failed"),
    JOB_CANCELLED("Job cancelled"),
    JOB_FAILED("Job failed"),
    JOB_SCHEDULE_CHANGED("Job schedule switched on or off"),
    PLUGIN_SETTINGS_CHANGED("Plugin settings changed"),
    PETITION_CREATED("Petition created"),
    PETITION_UPDATED("Petition changed"),
    SIGNATURE_ADDED("Petition signature added"),
    SIGNATURES_IMPORTED("Petition signatures imported"),
    SIGNATURE_IMPORT_ROLLED_BACK("Petition import rolled back"),
    LIST_SYNC_STARTED("E-mail list sync started"),
    REPORT_EXPORTED("Report exported"),
    PARTNER_CREATED("Partner created"),
    PARTNER_UPDATED("Partner changed"),
    PARTNER_CONSENT_GRANTED("Partner sharing consent recorded"),
    PARTNER_CONSENT_WITHDRAWN("Partner sharing consent withdrawn"),
    PETITION_COSPONSORS_CHANGED("Petition co-sponsors changed"),
    COSPONSOR_CONSENTS_RECORDED("Co-sponsor consents recorded"),
    EXPORT_REQUESTED("Partner export requested"),
    EXPORT_APPROVED("Partner export approved"),
    EXPORT_DONATIONS_SIGNED_OFF("Partner export donation fields signed off"),
    EXPORT_REJECTED("Partner export rejected"),
    EXPORT_RETURNED_FOR_APPROVAL("Partner export needs approval again"),
    EXPORT_READY("Partner export file ready"),
    EXPORT_EXPIRED("Partner export expired"),
    PARTNER_OVERLAP_CALCULATED("Partner list overlap calculated");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
