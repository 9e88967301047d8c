package org.switchboard.common;

import java.io.Serializable;
import java.util.Arrays;

import com.vaadin.flow.component.grid.Grid;

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
     * Hides the given columns of the grid while its window is narrower than {@link #BREAKPOINT}. The
     * browser does it (a media query on the columns' {@code hidden} property), so a resize needs no
     * round trip and the server's columns stay as they are.
     */
    public static void hideWhenNarrow(Grid<?> grid, Grid.Column<?>... optional) {
        Serializable[] columns = Arrays.stream(optional).map(Grid.Column::getElement).toArray(Serializable[]::new);
        grid.addAttachListener(attach -> grid.getElement().executeJs("""
                const columns = Array.from(arguments);
                const narrow = window.matchMedia('(max-width: %dpx)');
                const show = () => columns.forEach(column => { if (column) { column.hidden = narrow.matches; } });
                narrow.addEventListener('change', show);
                show();""".formatted(BREAKPOINT - 1), columns));
    }

    /** Keeps the column (a row's buttons) at the right edge of the table, however wide the rest is. */
    public static <T> Grid.Column<T> actions(Grid.Column<T> column) {
        return column.setHeader(column.getGrid().getTranslation("common.column.actions")).setFrozenToEnd(true).setAutoWidth(true).setFlexGrow(0);
    }
}
