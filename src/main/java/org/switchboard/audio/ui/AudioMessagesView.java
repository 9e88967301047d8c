package org.switchboard.audio.ui;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.NarrowScreens;
import org.switchboard.common.UserActions;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;

/** The shared library of pre-recorded audio messages, from the settings gear: Recordings and Archive. */
@Route("settings/audio")
@PageTitle("Pre-recorded audio messages | Switchboard")
@Menu(title = "Pre-recorded audio messages", icon = "vaadin:microphone", order = 920)
@PermitAll
class AudioMessagesView extends Main {

    final Tab recordings = new Tab("Recordings");
    final Tab archive = new Tab("Archive");
    final Tabs tabs = new Tabs(recordings, archive);
    final TextField search = new TextField();
    final Grid<AudioMessage> grid = new Grid<>();
    final Button add = new Button("New Message", VaadinIcon.PLUS.create());
    private final AudioMessageService audio;
    private final AudioLibraryFeed feed;
    private final ScreenRefreshes refreshes;
    /** What the grid shows, readable off the UI thread when a change arrives. */
    private volatile boolean archiveShown;
    private volatile String searchText = "";
    /** Counts the loads of the list; see {@link #onAttach}. */
    private final AtomicLong shown = new AtomicLong();
    private Broadcaster.Registration subscription;

    AudioMessagesView(AudioMessageService audio, AudioLibraryFeed feed, ScreenRefreshes refreshes) {
        this.refreshes = refreshes;
        this.audio = audio;
        this.feed = feed;
        addClassName("page");

        tabs.addSelectedChangeListener(e -> refresh());
        search.setPlaceholder("Search name or tag");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setAriaLabel("Search");
        search.addValueChangeListener(e -> refresh());
        search.setMinWidth("14rem");
        add.setId("new-audio-message");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> open(null));
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, search);

        grid.addColumn(AudioMessage::name).setHeader("Name").setFlexGrow(2).setSortable(true);
        var tags = grid.addColumn(m -> String.join(", ", m.tags())).setHeader("Tags").setFlexGrow(1);
        var length = grid.addColumn(AudioMessage::durationText).setHeader("Length").setAutoWidth(true).setFlexGrow(0);
        var createdBy = grid.addColumn(m -> m.createdByName() == null ? "System" : m.createdByName()).setHeader("Created by")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AudioElement::new).setHeader("Listen").setWidth("16rem").setFlexGrow(0);
        NarrowScreens.actions(grid.addComponentColumn(this::actions));
        NarrowScreens.hideWhenNarrow(grid, tags, length, createdBy);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText("No audio messages here.");
        grid.setId("audio-messages");
        grid.setSizeFull();

        Div content = new Div(new H2("Pre-recorded audio messages"), tabs, toolbar, grid);
        content.setSizeFull();
        content.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        setSizeFull();
        add(content);
        refresh();
    }

    private HorizontalLayout actions(AudioMessage m) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (!m.editable()) {
            return actions;
        }
        Button archiving = new Button(m.archived() ? VaadinIcon.ARROW_BACKWARD.create() : VaadinIcon.ARCHIVE.create(),
                e -> setArchived(m, !m.archived()));
        archiving.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        archiving.setAriaLabel((m.archived() ? "Unarchive " : "Archive ") + m.name());
        archiving.setTooltipText(m.archived() ? "Unarchive" : "Archive");
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(m));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + m.name());
        delete.setTooltipText("Delete");
        actions.add(archiving, delete);
        return actions;
    }

    private void setArchived(AudioMessage m, boolean archived) {
        audio.setArchived(m.id(), archived);
        refresh();
        UserActions.success((archived ? "Archived " : "Back in Recordings: ") + m.name() + ".");
    }

    private void open(AudioMessage message) {
        new AudioMessageDialog(audio, message, () -> {
            refresh();
            UserActions.success("Audio messages updated.");
        }).open();
    }

    private void confirmDelete(AudioMessage m) {
        AudioMessageDialog.confirmDelete(m, () -> {
            audio.delete(m.id());
            refresh();
            UserActions.success("Deleted " + m.name() + ".");
        });
    }

    /**
     * Someone changed the library: the list is loaded off the UI thread, as the signed-in user, and
     * applied in the UI's turn.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        CoalescedRefresh<Loaded> refresh = refreshes.coalesced("the audio library", 100, () -> {
            long generation = shown.get();
            return new Loaded(generation, audio.library(archiveShown, searchText));
        }, loaded -> {
            // Only the latest load is shown: an older one, or one the user's own refresh overtook, is dropped.
            if (shown.get() == loaded.generation()) {
                grid.setItems(loaded.messages());
            }
        });
        subscription = feed.subscribe(changed -> {
            shown.incrementAndGet();
            refresh.request(ui, user);
        });
    }

    private record Loaded(long generation, List<AudioMessage> messages) {
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        super.onDetach(event);
    }

    boolean showsArchive() {
        return tabs.getSelectedTab() == archive;
    }

    void refresh() {
        shown.incrementAndGet();
        archiveShown = showsArchive();
        searchText = search.getValue();
        grid.setItems(audio.library(archiveShown, searchText));
    }
}
