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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.UserActions;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.ScreenRefreshes;

/** The shared library of pre-recorded audio messages, from the settings gear: Recordings and Archive. */
@Route("settings/audio")
@Menu(title = "audio.library.title", icon = "vaadin:microphone", order = 920)
@PermitAll
class AudioMessagesView extends Main implements HasDynamicTitle {

    final Tab recordings = new Tab(getTranslation("audio.library.recordings"));
    final Tab archive = new Tab(getTranslation("audio.library.archive"));
    final Tabs tabs = new Tabs(recordings, archive);
    final TextField search = new TextField();
    final Grid<AudioMessage> grid = new Grid<>();
    final Button add = new Button(getTranslation("audio.library.new"), VaadinIcon.PLUS.create());
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
        search.setPlaceholder(getTranslation("audio.library.search-placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setAriaLabel(getTranslation("audio.library.search"));
        search.addValueChangeListener(e -> refresh());
        search.setMinWidth("14rem");
        add.setId("new-audio-message");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> open(null));
        HorizontalLayout toolbar = new HorizontalLayout(search, add);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, search);

        grid.addColumn(AudioMessage::name).setHeader(getTranslation("audio.library.name")).setFlexGrow(2).setSortable(true);
        grid.addColumn(m -> String.join(", ", m.tags())).setHeader(getTranslation("audio.library.tags")).setFlexGrow(1);
        grid.addColumn(AudioMessage::durationText).setHeader(getTranslation("audio.library.length")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.createdByName() == null ? getTranslation("audio.library.system") : m.createdByName())
                .setHeader(getTranslation("audio.library.created-by"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(AudioElement::new).setHeader(getTranslation("audio.library.listen")).setWidth("16rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("audio.library.none"));
        grid.setId("audio-messages");
        grid.setSizeFull();

        Div content = new Div(new H2(getTranslation("audio.library.title")), tabs, toolbar, grid);
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
        archiving.setAriaLabel(getTranslation(m.archived() ? "audio.library.unarchive-named" : "audio.library.archive-named", m.name()));
        archiving.setTooltipText(getTranslation(m.archived() ? "audio.library.unarchive" : "audio.library.archive-action"));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(m));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel(getTranslation("audio.library.delete-named", m.name()));
        delete.setTooltipText(getTranslation("common.action.delete"));
        actions.add(archiving, delete);
        return actions;
    }

    private void setArchived(AudioMessage m, boolean archived) {
        audio.setArchived(m.id(), archived);
        refresh();
        UserActions.success(archived ? "audio.library.archived" : "audio.library.unarchived", m.name());
    }

    private void open(AudioMessage message) {
        new AudioMessageDialog(audio, message, () -> {
            refresh();
            UserActions.success("audio.library.updated");
        }).open();
    }

    private void confirmDelete(AudioMessage m) {
        AudioMessageDialog.confirmDelete(m, () -> {
            audio.delete(m.id());
            refresh();
            UserActions.success("audio.library.deleted", m.name());
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

    @Override
    public String getPageTitle() {
        return getTranslation("audio.library.title") + " | Switchboard";
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
