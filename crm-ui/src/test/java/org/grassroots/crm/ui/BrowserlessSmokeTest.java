package org.grassroots.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
class BrowserlessSmokeTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void homeShowsMenu() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Home");
    }
}
