package org.switchboard.productivity.ui;

import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import org.switchboard.common.Formats;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.ValidationException;
import org.switchboard.productivity.ActivityFeed;
import org.switchboard.productivity.AgentChoice;
import org.switchboard.productivity.ProductivityService;

/**
 * What Today's and Week's Activity share: whose figures (the agent picker), a selection loaded as the
 * user changes it, a live reload when the shown agent takes a call that applies only while the same
 * selection is shown, and an error line in place of figures for a selection that is not valid.
 *
 * @param <T> the figures of one selection
 */
abstract class ActivityPage<T> extends Main {

    final ProductivityService productivity;
    final AgentPicker agent;
    final boolean noAgentToShow;
    final Div error = new Div();
    /** How the page writes days and figures: the user's language and time zone. */
    final Formats formats = Formats.current();
    private final LiveRefresh<T> live;
    /** The figures on screen, null while an error is; read by the live reload's thread. */
    volatile T shown;

    ActivityPage(ProductivityService productivity, ActivityFeed feed, ScreenRefreshes refreshes, String what) {
        this.productivity = productivity;
        this.live = new LiveRefresh<>(feed, refreshes, what, this::liveAgent, () -> reload(shown), this::showIfStillSelected);
        addClassNames("page", "activity-page");
        List<AgentChoice> choices = productivity.agentsToShow();
        agent = new AgentPicker(choices);
        noAgentToShow = choices.isEmpty();
        error.addClassName("form-error");
        error.setVisible(false);
    }

    /** The figures of the agent and what else is selected now; a {@link ValidationException} for a selection that is not valid. */
    abstract T load(long agentId);

    /** The figures of the same selection again, for a live reload. */
    abstract T reload(T current);

    abstract boolean sameSelection(T current, T fresh);

    /** The agent whose calls change what is shown, or null while nothing shown can change. */
    abstract Long liveAgent();

    abstract void paint(T figures);

    /** While an error is shown: the actions that need figures on screen are off. */
    abstract void disableActions();

    /** Loads the selection now and whenever the agent or one of {@code selection} changes. */
    final void loadOnChange(HasValue<?, ?> selection) {
        agent.addValueChangeListener(e -> load());
        selection.addValueChangeListener(e -> load());
        load();
    }

    private void load() {
        if (agent.getValue() == null) {
            return;
        }
        try {
            show(load(agent.getValue().id()));
        } catch (ValidationException e) {
            showError(e.in(getLocale()));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Subscriptions.untilDetached(this, live.start(event.getUI()));
    }

    /** A live reload applies only if the user has not picked another selection meanwhile. */
    private void showIfStillSelected(T fresh) {
        T current = shown;
        if (current != null && sameSelection(current, fresh)) {
            show(fresh);
        }
    }

    private void show(T figures) {
        shown = figures;
        paint(figures);
        error.setVisible(false);
    }

    /** Nothing valid is selected: no actions and no live reload until the user picks again; {@code message} is said already. */
    final void showError(String message) {
        shown = null;
        error.setText(message);
        error.setVisible(true);
        disableActions();
    }
}
