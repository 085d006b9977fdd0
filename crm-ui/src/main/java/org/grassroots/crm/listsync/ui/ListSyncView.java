package org.grassroots.crm.listsync.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.grassroots.crm.jobs.JobService;
import org.grassroots.crm.listsync.ListSyncService;
import org.grassroots.crm.listsync.SyncList;
import org.grassroots.crm.security.Role;
import org.grassroots.crm.ui.LiveUpdates;

/**
 * The email lists the CRM keeps in step (one per started list provider, such as Mailchimp or Mailman 3): for each,
 * test the connection, count what a sync would do, sync now, follow it live, and read the sync log.
 */
@Route("lists")
@PageTitle("Email lists")
@Menu(order = 50, icon = "vaadin:envelopes-o")
@RolesAllowed({Role.ORGANIZER_NAME, Role.ADMIN_NAME})
class ListSyncView extends VerticalLayout {

    static final String EMPTY = "No email list is connected yet. An admin enables the Email list sync plugin on the"
            + " Plugins screen and fills in its settings: a Mailchimp API key and audience, or a Mailman 3 list.";

    final Div cards = new Div();

    ListSyncView(ListSyncService lists, JobService jobs, LiveUpdates liveUpdates,
            AuthenticationContext authentication) {
        addClassName("list-sync-view");
        Paragraph intro = new Paragraph("Each list receives its segment's subscribed supporters. Every sync first"
                + " reads back who unsubscribed, bounced or complained at the email service, so nobody who left is"
                + " mailed again; then it sends only what changed since the last sync. A dry run counts what a sync"
                + " would send, without sending.");
        intro.addClassName("list-sync-intro");
        cards.addClassName("list-sync-cards");
        add(intro, cards);
        List<SyncList> connected = lists.lists();
        if (connected.isEmpty()) {
            Paragraph empty = new Paragraph(EMPTY);
            empty.addClassName("list-sync-empty");
            cards.add(empty);
            if (authentication.hasRole(Role.ADMIN_NAME)) {
                cards.add(new Anchor("plugins", "Open the Plugins screen"));
            }
            return;
        }
        boolean admin = authentication.hasRole(Role.ADMIN_NAME);
        connected.forEach(list -> cards.add(new ListCard(list, lists, jobs, liveUpdates, admin)));
    }
}
