package org.grassroots.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "olivia", roles = "ORGANIZER")
    void aFailingPageShowsAReferenceButNeverTheCause(CapturedOutput output) {
        ErrorView error = navigate("test-only/failing", ErrorView.class);

        String shown = error.getElement().getTextRecursively();
        assertThat(shown).contains(ErrorView.TITLE, error.reference())
                .doesNotContain(FailingTestView.SECRET, "IllegalStateException", "at org.");
        assertThat(error.reference()).matches("[0-9A-F]{8}");
        assertThat($(Anchor.class).withText("Go to the home page").exists()).isTrue();
        assertThat(output.getOut()).contains("Error reference " + error.reference(), FailingTestView.SECRET,
                "at org.grassroots.crm.ui.FailingTestView.<init>");
    }

    @Test
    void answersWithStatus500AndANewReferenceEachTime() {
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getLocation()).thenReturn(new Location("somewhere"));
        ErrorParameter<Exception> failure = new ErrorParameter<>(Exception.class, new IllegalStateException("boom"));
        ErrorView first = new ErrorView();
        ErrorView second = new ErrorView();

        assertThat(first.setErrorParameter(event, failure)).isEqualTo(500);
        second.setErrorParameter(event, failure);
        assertThat(first.reference()).isNotEqualTo(second.reference());
    }
}
