package org.grassroots.crm.volunteers.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.ui.FieldErrors;
import org.grassroots.crm.volunteers.SignupRow;
import org.grassroots.crm.volunteers.SignupService;

/** Logs the hours someone worked on a shift they attended; suggests the shift's full length. */
class HoursDialog extends Dialog {

    private final BigDecimalField hours = new BigDecimalField("Hours worked");

    HoursDialog(SignupService signups, long signupId, String who, LocalDateTime shiftStart, LocalDateTime shiftEnd,
            BigDecimal logged, Runnable onSaved) {
        setHeaderTitle("Log hours");
        BigDecimal shiftHours = BigDecimal.valueOf(Duration.between(shiftStart, shiftEnd).toMinutes())
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.DOWN).stripTrailingZeros();
        hours.setValue(logged != null ? logged : shiftHours);
        hours.setHelperText("The shift lasted " + shiftHours.toPlainString() + " hours.");
        hours.setWidthFull();
        FieldErrors errors = new FieldErrors().on("hours", hours);
        Button save = new Button("Save hours", e -> {
            try {
                signups.logHours(signupId, hours.getValue());
                Feedback.success("Logged " + When.hours(hours.getValue()) + " hours for " + who + ".");
                close();
                onSaved.run();
            } catch (InvalidInputException error) {
                errors.show(error);
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new Paragraph(who + " · " + When.range(shiftStart, shiftEnd)), hours);
        getFooter().add(new Button("Cancel", e -> close()), save);
        hours.focus();
    }
}
