package org.switchboard.common;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

/**
 * Tables on a phone-sized window: below {@link #BREAKPOINT} px wide, the columns a table can do
 * without are hidden, so the ones left are readable, and the actions column, frozen to the end,
 * stays in view. The table follows the window as it is resized or turned.
 */
public final class NarrowScreens {

    /** Narrower than this (CSS px), a window counts as a phone's; the same width as the stylesheet's media queries. */
    public static final int BREAKPOINT = 600;

    private NarrowScreens() {
    }

    /**
     * Hides the given columns of the grid while its window is narrower than {@link #BREAKPOINT}, and
     * shows them again when it widens. The server decides from the window's width (read once the grid
     * is shown, then on every resize), so the columns' visibility is the server's own state and a later
     * repaint of the grid cannot bring them back.
     */
    public static void hideWhenNarrow(Grid<?> grid, Grid.Column<?>... optional) {
        List<Grid.Column<?>> columns = List.of(optional);
        grid.addAttachListener(attach -> {
            grid.getElement().executeJs("return window.innerWidth").then(Integer.class, width -> show(columns, width));
            Registration resized = attach.getUI().getPage().addBrowserWindowResizeListener(resize -> show(columns, resize.getWidth()));
            grid.addDetachListener(detach -> {
                resized.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void show(List<Grid.Column<?>> columns, int windowWidth) {
        columns.forEach(column -> column.setVisible(windowWidth >= BREAKPOINT));
    }

    /** Keeps the column (a row's buttons) at the right edge of the table, however wide the rest is. */
    public static <T> Grid.Column<T> actions(Grid.Column<T> column) {
        return column.setHeader(column.getGrid().getTranslation("common.column.actions")).setFrozenToEnd(true).setAutoWidth(true).setFlexGrow(0);
    }
}
