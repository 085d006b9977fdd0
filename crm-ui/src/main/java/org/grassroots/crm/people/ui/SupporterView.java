package org.grassroots.crm.people.ui;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.people.PersonDetails;
import org.grassroots.crm.people.PersonEmailService;
import org.grassroots.crm.people.PersonMergeService;
import org.grassroots.crm.people.PersonPrivacyService;
import org.grassroots.crm.people.PersonSearchService;
import org.grassroots.crm.people.PersonService;
import org.grassroots.crm.people.PersonTimelineService;
import org.grassroots.crm.security.Role;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One supporter on one page: header, contact data with inline edit, e-mails and their subscription status, phones,
 * tags, notes, other features' cards and the timeline; merge, erase and export. A merged-away id forwards to the
 * survivor.
 */
@Route("supporters/:id")
@RolesAllowed({Role.ADMIN_NAME, Role.ORGANIZER_NAME, Role.FUNDRAISER_NAME, Role.VOLUNTEER_COORDINATOR_NAME})
class SupporterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "id";
    static final String MERGED_FROM = "mergedFrom";

    private final PersonService people;
    private final PersonEmailService emails;
    private final PersonTimelineService timeline;
    private final PersonMergeService merges;
    private final PersonSearchService search;
    private final PersonPrivacyService privacy;
    private final ObjectProvider<SupporterSection> sections;
    private final boolean admin;
    private String title = "Supporter";
    private String mergedNotice;

    SupporterView(PersonService people, PersonEmailService emails, PersonTimelineService timeline,
            PersonMergeService merges, PersonSearchService search, PersonPrivacyService privacy,
            ObjectProvider<SupporterSection> sections, AuthenticationContext authentication) {
        this.people = people;
        this.emails = emails;
        this.timeline = timeline;
        this.merges = merges;
        this.search = search;
        this.privacy = privacy;
        this.sections = sections;
        this.admin = authentication.hasRole(Role.ADMIN_NAME);
        addClassName("supporter-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(ID).orElse("");
        Optional<Long> current = parse(raw).flatMap(people::currentId);
        if (current.isEmpty()) {
            showNotFound(raw);
            return;
        }
        long requested = parse(raw).orElseThrow();
        if (current.get() != requested) {
            event.forwardTo("supporters/" + current.get(), QueryParameters.of(MERGED_FROM, String.valueOf(requested)));
            return;
        }
        mergedNotice = event.getLocation().getQueryParameters().getSingleParameter(MERGED_FROM)
                .map(from -> "Supporter #" + from + " was merged into this supporter.").orElse(null);
        reload(current.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    void reload(long id) {
        people.findById(id).ifPresentOrElse(this::render, () -> showNotFound(String.valueOf(id)));
    }

    private void render(PersonDetails person) {
        removeAll();
        title = person.displayName();
        add(SupporterHeader.of(person));
        if (mergedNotice != null) {
            Paragraph notice = new Paragraph(mergedNotice);
            notice.addClassName("supporter-notice");
            add(notice);
        }
        if (person.erased()) {
            add(new Paragraph("This supporter's personal data was erased. Donations and other records stay, "
                    + "unlinked from any name or address."));
            add(new TimelineCard(timeline.timeline(person.id())));
            return;
        }
        add(actions(person));
        Div main = new Div(new ContactCard(person, people, this::render),
                new EmailsCard(person, emails, this::render), new PhonesCard(person, people, this::render),
                new TagsCard(person, people, this::render));
        main.addClassName("supporter-column");
        Div side = new Div(new NotesCard(person, people, this::render));
        sections.orderedStream().sorted(Comparator.comparingInt(SupporterSection::order))
                .forEach(section -> section.sectionFor(person.id()).ifPresent(side::add));
        side.add(new TimelineCard(timeline.timeline(person.id())));
        side.addClassName("supporter-column");
        Div columns = new Div(main, side);
        columns.addClassName("supporter-columns");
        add(columns);
    }

    private HorizontalLayout actions(PersonDetails person) {
        Button merge = new Button("Merge with…", VaadinIcon.CONNECT.create(),
                e -> new MergeDialog(person, search, people, merges, () -> reload(person.id())).open());
        HorizontalLayout actions = new HorizontalLayout(merge);
        if (admin) {
            Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] json = privacy.exportJson(person.id()).getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new java.io.ByteArrayInputStream(json),
                        "supporter-" + person.id() + ".json", "application/json", json.length);
            }), "");
            export.setDownload(true);
            export.add(new Button("Export data", VaadinIcon.DOWNLOAD.create()));
            export.addClassName("supporter-export");
            Button erase = new Button("Erase…", VaadinIcon.TRASH.create(),
                    e -> new EraseDialog(person, privacy, () -> reload(person.id())).open());
            erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(export, erase);
        }
        actions.addClassName("supporter-actions");
        actions.setWrap(true);
        return actions;
    }

    private void showNotFound(String raw) {
        removeAll();
        title = "Supporter not found";
        add(new H2("No supporter with id " + raw), new Paragraph("The link may be mistyped, or the supporter "
                + "never existed here."), new RouterLink("Back to supporters", SupportersView.class));
    }

    private static Optional<Long> parse(String raw) {
        try {
            return Optional.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
