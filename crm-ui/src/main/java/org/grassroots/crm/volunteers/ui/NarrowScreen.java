package org.grassroots.crm.volunteers.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.shared.Registration;

/**
 * Tells a view whether the browser window is phone-narrow, now and whenever it is resized, so a grid can swap its
 * many columns for one summary column instead of scrolling sideways.
 */
final class NarrowScreen {

    static final int MAX_NARROW_WIDTH = 640;

    private NarrowScreen() {
    }

    /** Calls {@code layout} with true (narrow) or false once the view is attached and after every resize. */
    static void follow(Component view, Consumer<Boolean> layout) {
        layout.accept(false);
        view.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details ->
                    layout.accept(details.getWindowInnerWidth() <= MAX_NARROW_WIDTH));
            Registration resize = page.addBrowserWindowResizeListener(resized ->
                    layout.accept(resized.getWidth() <= MAX_NARROW_WIDTH));
            view.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }
}
