package org.switchboard;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://assets/switchboard.css")
public class AppShell implements AppShellConfigurator {

    /** The tab's icon: a white handset on the app's blue, so an agent finds the desk among many tabs. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "assets/favicon.svg", "any");
    }
}
