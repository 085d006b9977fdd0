package org.grassroots.crm.exports.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.grassroots.crm.exports.ConsentEvent;
import org.grassroots.crm.exports.ConsentService;
import org.grassroots.crm.exports.ConsentSourceKind;
import org.grassroots.crm.exports.PartnerConsent;
import org.grassroots.crm.exports.PartnerService;
import org.grassroots.crm.petitions.Petition;
import org.grassroots.crm.petitions.PetitionService;
import org.jspecify.annotations.Nullable;

/**
 * A supporter's sharing consents: with whom they currently agree to share (since when, from where, the notice on
 * demand), and every grant and withdrawal, newest first. Editors grant and withdraw here.
 */
class ConsentCard extends Card {

    static final String NONE = "Has not agreed to share with any partner.";

    final Div current = new Div();
    final Div history = new Div();
    final Details historyDetails = new Details();
    private final long personId;
    private final ConsentService consents;
    private final PartnerService partners;
    private final PetitionService petitions;
    private final boolean editor;
    private final Map<Long, String> petitionTitles = new HashMap<>();

    ConsentCard(long personId, ConsentService consents, PartnerService partners, PetitionService petitions,
            boolean editor) {
        this.personId = personId;
        this.consents = consents;
        this.partners = partners;
        this.petitions = petitions;
        this.editor = editor;
        addClassName("consent-card");
        setTitle("Partner sharing");
        current.addClassName("consent-current");
        history.addClassName("consent-history");
        historyDetails.setSummaryText("History");
        historyDetails.add(history);
        historyDetails.addClassName("consent-history-details");
        add(current);
        if (editor) {
            Button grant = new Button("Record consent…", VaadinIcon.PLUS.create(), e -> new GrantConsentDialog(
                    personId, consents, partners, currentPartnerIds(), this::render).open());
            grant.addThemeVariants(ButtonVariant.SMALL);
            grant.addClassName("consent-grant");
            add(grant);
        }
        add(historyDetails);
        render();
    }

    void render() {
        List<PartnerConsent> decisions = consents.consents(personId);
        List<ConsentEvent> events = consents.history(personId);
        current.removeAll();
        List<PartnerConsent> agreed = decisions.stream().filter(PartnerConsent::current).toList();
        if (agreed.isEmpty()) {
            Paragraph none = new Paragraph(NONE);
            none.addClassName("muted");
            current.add(none);
        }
        agreed.forEach(consent -> current.add(currentRow(consent, latestGrant(events, consent.partnerId()))));
        long withdrawn = decisions.size() - agreed.size();
        setSubtitle(withdrawn == 0 ? null : "Withdrew from " + withdrawn + (withdrawn == 1 ? " partner" : " partners"));
        history.removeAll();
        events.forEach(event -> history.add(historyRow(event)));
        historyDetails.setSummaryText("History (" + events.size() + ")");
        historyDetails.setVisible(!events.isEmpty());
    }

    private Component currentRow(PartnerConsent consent, @Nullable ConsentEvent grant) {
        Span partner = new Span(consent.partnerName());
        partner.addClassName("consent-partner");
        Span since = new Span("since " + ExportWording.day(consent.grantedAt()));
        since.addClassName("muted");
        Div heading = new Div(partner, since);
        heading.addClassName("consent-heading");
        Div facts = new Div(heading);
        facts.addClassName("consent-facts");
        if (grant != null) {
            Div source = new Div(source(grant));
            source.addClassName("consent-source");
            facts.add(source, notice(grant.noticeText()));
        }
        Div row = new Div(facts);
        row.addClassName("consent-row");
        row.getElement().setAttribute("data-partner", String.valueOf(consent.partnerId()));
        if (editor) {
            Button withdraw = new Button("Withdraw…", e -> new WithdrawConsentDialog(personId, consent, consents,
                    this::render).open());
            withdraw.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            withdraw.setAriaLabel("Withdraw consent for " + consent.partnerName());
            row.add(withdraw);
        }
        return row;
    }

    private Component historyRow(ConsentEvent event) {
        boolean granted = event.kind() == ConsentEvent.Kind.GRANTED;
        Span what = new Span((granted ? "Agreed to share with " : "Withdrew from ") + event.partnerName());
        what.addClassName("consent-event-what");
        Span meta = new Span(ExportWording.when(event.occurredAt()) + " · recorded by " + event.recordedBy());
        meta.addClassName("muted");
        Div row = new Div(what, meta);
        row.addClassName("consent-event");
        row.getElement().setAttribute("data-kind", event.kind().name());
        if (granted) {
            row.add(new Div(source(event)), notice(event.noticeText()));
        } else if (event.note() != null) {
            row.add(new Div("Note: " + event.note()));
        }
        return row;
    }

    private String source(ConsentEvent grant) {
        Long petitionId = grant.source() != null && grant.source().kind() == ConsentSourceKind.PETITION_COSPONSOR
                ? grant.source().petitionId() : null;
        String title = petitionId == null ? null : petitionTitles.computeIfAbsent(petitionId,
                id -> petitions.find(id).map(Petition::title).orElse(null));
        return ExportWording.source(grant.source(), title);
    }

    private static Component notice(@Nullable String text) {
        Paragraph words = new Paragraph(text == null ? "" : text);
        words.addClassName("consent-notice");
        Details notice = new Details("Notice they agreed to", words);
        notice.addClassName("consent-notice-details");
        return notice;
    }

    private static @Nullable ConsentEvent latestGrant(List<ConsentEvent> newestFirst, long partnerId) {
        Optional<ConsentEvent> grant = newestFirst.stream().filter(event -> event.partnerId() == partnerId
                && event.kind() == ConsentEvent.Kind.GRANTED).findFirst();
        return grant.orElse(null);
    }

    private List<Long> currentPartnerIds() {
        return consents.consents(personId).stream().filter(PartnerConsent::current).map(PartnerConsent::partnerId)
                .toList();
    }
}
