package org.switchboard.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasTheme;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.internal.JacksonUtils;
import org.switchboard.agent.PauseReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A button that opens a list of status choices: the agent's "Agent status" menu (the button named for
 * the status it is in) and each card's "My Status". It is Vaadin's menu bar element with its items given as one property. Flow's MenuBar keeps
 * a server-side component with listeners for every item, about 28 KB for a menu of six, and every
 * open dashboard has one per queue and one for the agent, all day.
 */
@Tag("vaadin-menu-bar")
@JsModule("@vaadin/menu-bar/src/vaadin-menu-bar.js")
class StatusMenu extends Component implements HasTheme {

    /** A choice in the menu and what choosing it does. */
    record Choice(String label, Runnable action) {
    }

    /** Ready first, then each pause reason, then Logout: the order the guide gives both menus. */
    static List<Choice> statusChoices(String ready, String logout, Runnable onReady, List<PauseReason> reasons,
            LongConsumer onPause, Runnable onLogout) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(ready, onReady));
        reasons.forEach(reason -> choices.add(new Choice(reason.name(), () -> onPause.accept(reason.id()))));
        choices.add(new Choice(logout, onLogout));
        return choices;
    }

    static final String SELECTED = "item-selected";
    /** The chosen item's position, which the browser sends with the selection. */
    static final String CHOSEN = "event.detail.value.choice";

    private String label;
    private List<Choice> choices = List.of();

    StatusMenu(String label) {
        this.label = label;
        getElement().addEventListener(SELECTED, event -> choose(event.getEventData().get(CHOSEN))).addEventData(CHOSEN);
        // The menu bar's own button for items that do not fit, named in the screen's language.
        getElement().setPropertyJson("i18n", JacksonUtils.createObjectNode().put("moreOptions", getTranslation("dashboard.status.more-options")));
    }

    /** Names the button anew: the "Agent status" menu shows the status the agent is in. */
    StatusMenu name(String shown) {
        if (!shown.equals(label)) {
            label = shown;
            send();
        }
        return this;
    }

    /** The choices the menu offers from now on. */
    StatusMenu offer(List<Choice> offered) {
        this.choices = List.copyOf(offered);
        send();
        return this;
    }

    private void send() {
        ArrayNode children = JacksonUtils.createArrayNode();
        for (int i = 0; i < choices.size(); i++) {
            children.add(JacksonUtils.createObjectNode().put("text", choices.get(i).label()).put("choice", i));
        }
        ObjectNode root = JacksonUtils.createObjectNode().put("text", label);
        root.set("children", children);
        getElement().setPropertyJson("items", JacksonUtils.createArrayNode().add(root));
    }

    /** Runs the chosen item's action; anything else the browser might send (the button itself, junk) does nothing. */
    private void choose(JsonNode chosen) {
        if (chosen != null && chosen.isInt() && chosen.asInt() >= 0 && chosen.asInt() < choices.size()) {
            choices.get(chosen.asInt()).action().run();
        }
    }

    /** What the button shows. */
    String label() {
        return label;
    }

    List<String> labels() {
        return choices.stream().map(Choice::label).toList();
    }
}
