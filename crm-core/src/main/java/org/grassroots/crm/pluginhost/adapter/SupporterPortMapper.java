package org.grassroots.crm.pluginhost.adapter;

import org.grassroots.crm.people.ReportOutcome;
import org.grassroots.crm.people.ReportedStatus;
import org.grassroots.crm.people.SubscriptionLedgerEntry;
import org.grassroots.crm.people.SubscriptionStatus;
import org.grassroots.crm.people.SupporterSnapshot;
import org.grassroots.crm.plugin.api.supporters.EmailStatus;
import org.grassroots.crm.plugin.api.supporters.LedgerEntry;
import org.grassroots.crm.plugin.api.supporters.LedgerOutcome;
import org.grassroots.crm.plugin.api.supporters.StatusChange;
import org.grassroots.crm.plugin.api.supporters.SupporterRecord;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.Named;
import org.mapstruct.ValueMapping;

/** The people feature's records to the plugin API's records and back. */
@Mapper(componentModel = "spring")
interface SupporterPortMapper {

    @Mapping(target = "zip", source = "zip", qualifiedByName = "fiveDigitZip")
    SupporterRecord toRecord(SupporterSnapshot snapshot);

    @Mapping(target = "supporterId", source = "personId")
    @Mapping(target = "status", expression = "java(entry.erased() ? EmailStatus.ERASED : toEmailStatus(entry.status()))")
    LedgerEntry toEntry(SubscriptionLedgerEntry entry);

    /** A plugin's report, its source marked with the plugin's id so the history shows which plugin said so. */
    @Mapping(target = "source", expression = "java(\"plugin:\" + pluginId + \":\" + change.source())")
    ReportedStatus toReport(StatusChange change, @Context String pluginId);

    EmailStatus toEmailStatus(SubscriptionStatus status);

    // StatusChange refuses ERASED when it is built, so this cannot be reached from a plugin
    @ValueMapping(source = "ERASED", target = MappingConstants.THROW_EXCEPTION)
    SubscriptionStatus toSubscriptionStatus(EmailStatus status);

    LedgerOutcome toOutcome(ReportOutcome outcome);

    /**
     * The API promises five digits; the CRM keeps ZIP+4 when it has it. {@code @Named}, so MapStruct uses it only
     * where asked, not for every String.
     */
    @Named("fiveDigitZip")
    default @Nullable String fiveDigitZip(@Nullable String zip) {
        return zip == null || zip.length() <= 5 ? zip : zip.substring(0, 5);
    }
}
