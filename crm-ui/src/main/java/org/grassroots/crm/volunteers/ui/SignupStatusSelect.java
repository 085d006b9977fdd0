package org.grassroots.crm.volunteers.ui;

import java.util.Locale;

import com.vaadin.flow.component.select.Select;
import org.grassroots.crm.common.InvalidInputException;
import org.grassroots.crm.ui.Feedback;
import org.grassroots.crm.volunteers.SignupService;
import org.grassroots.crm.volunteers.SignupStatus;

/**
 * A sign-up's status in a grid row: picking another one saves it at once. A refusal (the shift filled up meanwhile)
 * puts the old status back and says why.
 */
class SignupStatusSelect extends Select<SignupStatus> {

    SignupStatusSelect(SignupService signups, long signupId, SignupStatus status, String who, Runnable onChanged) {
        setItems(SignupStatus.values());
        setItemLabelGenerator(SignupStatus::label);
        setValue(status);
        setAriaLabel("Status of " + who);
        setWidth("8.5em");
        addValueChangeListener(event -> {
            if (!event.isFromClient() || event.getValue() == null) {
                return;
            }
            try {
                signups.changeStatus(signupId, event.getValue());
                Feedback.success(who + ": " + event.getValue().label().toLowerCase(Locale.ROOT) + ".");
                onChanged.run();
            } catch (InvalidInputException error) {
                setValue(event.getOldValue());
                Feedback.error(error.getMessage());
            }
        });
    }
}
