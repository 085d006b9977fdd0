package org.grassroots.crm.security.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Tells the user how an action ended, in the same place and style on every security screen. */
final class Feedback {

    private static final int SUCCESS_MILLIS = 5_000;
    private static final int ERROR_MILLIS = 8_000;

    private Feedback() {
    }

    static void success(String message) {
        show(message, SUCCESS_MILLIS, NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        show(message, ERROR_MILLIS, NotificationVariant.LUMO_ERROR);
    }

    private static void show(String message, int millis, NotificationVariant variant) {
        Notification notification = Notification.show(message, millis, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
