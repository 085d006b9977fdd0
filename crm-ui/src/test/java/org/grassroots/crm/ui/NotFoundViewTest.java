package org.grassroots.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.util.ClassUtils;

@SpringBootTest
class NotFoundViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "olivia", roles = "ORGANIZER")
    void aViewTheUserMayNotOpenLooksExactlyLikeAMissingPage() {
        NotFoundView denied = navigate("audit", NotFoundView.class);

        assertThat(denied.getElement().getTextRecursively()).contains(NotFoundView.MESSAGE)
                .doesNotContain("Audit log");
        assertThat($(Anchor.class).withText(NotFoundView.HOME_LINK).single().getHref()).isEqualTo(".");
        assertThat($(SideNavItem.class).all()).as("shown inside the app shell, without the admin-only entry")
                .extracting(SideNavItem::getLabel).contains("Home").doesNotContain("Audit log");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theSameAddressOpensTheAuditLogForAnAdmin() {
        Component view = navigate("audit", Component.class);

        assertThat(ClassUtils.getUserClass(view).getSimpleName()).as("method security proxies the view")
                .isEqualTo("AuditView");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anUnknownAddressShowsTheFriendlyPage() {
        NotFoundView missing = navigate("no/such/page", NotFoundView.class);

        assertThat(missing.getElement().getTextRecursively()).contains(NotFoundView.MESSAGE);
        assertThat(missing.setErrorParameter(null, null)).isEqualTo(404);
    }
}
