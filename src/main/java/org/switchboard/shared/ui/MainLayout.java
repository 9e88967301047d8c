package org.switchboard.shared.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.switchboard.chat.ChatFeed;
import org.switchboard.chat.ChatPopup;
import org.switchboard.chat.ChatService;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.database.DatabaseWatch;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * The app shell: navigation built from the {@code @Menu} entries the user's roles may open (their
 * titles are bundle keys), the
 * user's name, the settings gear (entries under {@code settings/}) and sign out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String SETTINGS_PREFIX = "settings/";

    private final AuthenticationContext authenticationContext;
    private final SignedInSessions sessions;
    private final SignedInUser user;
    private final H1 viewTitle = new H1();
    private final DatabaseWatch database;
    private final DatabaseLostNotice databaseLost = new DatabaseLostNotice();
    private Broadcaster.Registration sessionRegistration;
    private Broadcaster.Registration databaseRegistration;

    MainLayout(AuthenticationContext authenticationContext, SignedInSessions sessions, ChatService chats, ChatFeed chatFeed,
            ScreenRefreshes refreshes, DatabaseWatch database) {
        this.authenticationContext = authenticationContext;
        this.database = database;
        this.sessions = sessions;
        this.user = authenticationContext.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        setPrimarySection(Section.DRAWER);
        List<MenuEntry> entries = MenuConfiguration.getMenuEntries();
        addToDrawer(brand(), new Scroller(navigation(entries)));
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shared.layout.toggle-navigation"));
        addToNavbar(toggle, viewTitle, userArea(entries));
        if (user.has(Role.AGENT)) {
            ChatPopup popup = new ChatPopup(chats, chatFeed, refreshes, user.id());
            addToNavbar(popup, popup.announcement());
        }
    }

    private static Header brand() {
        Icon logo = VaadinIcon.HEADSET.create();
        logo.addClassName("brand-logo");
        Span name = new Span("Switchboard");
        name.addClassName("brand-name");
        Header brand = new Header(logo, name);
        brand.addClassName("brand");
        return brand;
    }

    private SideNav navigation(List<MenuEntry> entries) {
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("shared.layout.main-menu"));
        entries.stream().filter(e -> !isSetting(e)).forEach(e -> nav.addItem(item(e)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
        if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
            item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
        }
        return item;
    }

    private Div userArea(List<MenuEntry> entries) {
        Span name = new Span(user.displayName());
        name.addClassName("user-name");
        name.setTitle(user.username());

        Button settings = new Button(VaadinIcon.COG.create());
        settings.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        settings.setAriaLabel(getTranslation("shared.layout.settings"));
        settings.setTooltipText(getTranslation("shared.layout.settings"));
        settings.setId("settings-gear");
        ContextMenu settingsMenu = new ContextMenu(settings);
        settingsMenu.setOpenOnClick(true);
        entries.stream().filter(MainLayout::isSetting).forEach(e -> settingsMenu.addItem(getTranslation(e.title()),
                click -> getUI().ifPresent(ui -> ui.navigate(e.path()))));

        Button signOut = new Button(getTranslation("shared.layout.sign-out"), VaadinIcon.SIGN_OUT.create(), e -> authenticationContext.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");

        Div area = new Div(name, settings, signOut);
        area.addClassName("user-area");
        return area;
    }

    private static boolean isSetting(MenuEntry entry) {
        return entry.path().startsWith(SETTINGS_PREFIX) || entry.path().startsWith("/" + SETTINGS_PREFIX);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String path = event.getLocation().getPath();
        viewTitle.setText(MenuConfiguration.getMenuEntries().stream()
                .filter(e -> path.equals(e.path().replaceFirst("^/", "")) || path.startsWith(e.path().replaceFirst("^/", "") + "/"))
                .map(e -> getTranslation(e.title())).findFirst().orElse(""));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        sessionRegistration = sessions.register(user.username(), attachEvent.getUI());
        databaseRegistration = databaseLost.follow(attachEvent.getUI(), database);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (sessionRegistration != null) {
            sessionRegistration.remove();
            sessionRegistration = null;
        }
        if (databaseRegistration != null) {
            databaseRegistration.remove();
            databaseRegistration = null;
        }
        super.onDetach(detachEvent);
    }
}
