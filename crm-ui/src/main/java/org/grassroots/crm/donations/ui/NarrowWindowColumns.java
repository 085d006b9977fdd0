package org.grassroots.crm.donations.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/** Hides secondary grid columns while the browser window is phone-sized, so the essential ones fit unscrolled. */
final class NarrowWindowColumns {

    private static final int NARROW_WINDOW = 700;

    private final List<? extends Grid.Column<?>> columns;
    private Registration resizeListener;

    private NarrowWindowColumns(List<? extends Grid.Column<?>> columns) {
        this.columns = columns;
    }

    /** While {@code view} is shown, {@code columns} are visible only in windows wider than a phone. */
    static void hideOnPhones(Component view, List<? extends Grid.Column<?>> columns) {
        NarrowWindowColumns narrow = new NarrowWindowColumns(columns);
        view.addAttachListener(event -> {
            var page = event.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> narrow.fit(details.getWindowInnerWidth()));
            narrow.resizeListener = page.addBrowserWindowResizeListener(resize -> narrow.fit(resize.getWidth()));
        });
        view.addDetachListener(event -> narrow.resizeListener.remove());
    }

    private void fit(int windowWidth) {
        columns.forEach(column -> column.setVisible(windowWidth > NARROW_WINDOW));
    }
}
