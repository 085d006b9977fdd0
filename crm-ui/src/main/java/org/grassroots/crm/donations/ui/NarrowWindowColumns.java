package org.grassroots.crm.donations.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.shared.Registration;

/**
 * Fits a grid to a phone-sized window: hides its secondary columns and tightens the cell padding, so the essential
 * columns fit without scrolling sideways.
 */
final class NarrowWindowColumns {

    private static final int NARROW_WINDOW = 700;

    private final Grid<?> grid;
    private final List<? extends Grid.Column<?>> secondary;
    private Registration resizeListener;

    private NarrowWindowColumns(Grid<?> grid, List<? extends Grid.Column<?>> secondary) {
        this.grid = grid;
        this.secondary = secondary;
    }

    /** While {@code view} is shown, {@code secondary} columns of {@code grid} are hidden in phone-sized windows. */
    static void hideOnPhones(Component view, Grid<?> grid, List<? extends Grid.Column<?>> secondary) {
        NarrowWindowColumns narrow = new NarrowWindowColumns(grid, secondary);
        view.addAttachListener(event -> {
            var page = event.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> narrow.fit(details.getWindowInnerWidth()));
            narrow.resizeListener = page.addBrowserWindowResizeListener(resize -> narrow.fit(resize.getWidth()));
        });
        view.addDetachListener(event -> narrow.resizeListener.remove());
    }

    private void fit(int windowWidth) {
        boolean wide = windowWidth > NARROW_WINDOW;
        secondary.forEach(column -> column.setVisible(wide));
        if (wide) {
            grid.removeThemeVariants(GridVariant.LUMO_COMPACT);
        } else {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        }
    }
}
