package org.switchboard.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import org.springframework.web.util.HtmlUtils;
import org.switchboard.common.Formats;
import org.switchboard.common.Translations;
import org.switchboard.common.UserActions;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueKind;

/**
 * A queue's live figures as docs/architecture.md ("Queue figures") lists them for its kind; the agent's cards and the supervisor's
 * screens show them. The list is one element whose content is set in one go: as elements, a call
 * queue's nine terms and values with their texts were 37 server-side nodes, held for every open
 * screen all day. New figures are sent only when one of them differs.
 */
@Tag("dl")
public class QueueFigures extends Component implements HasStyle {

    /** The bundle key of what the service level counts (the figure's tooltip). */
    public static final String SERVICE_LEVEL_EXPLAINED = "dashboard.figure.service-level-explained";
    static final String STATUS_OF_EACH_CALL = "dashboard.figure.status-of-each-call-explained";

    /** A figure: bundle keys of its term and of its explanation (or null), and its value. */
    private record Figure(String term, Function<QueueMetrics, String> value, String explained) {

        Figure(String term, Function<QueueMetrics, String> value) {
            this(term, value, null);
        }
    }

    private final List<Figure> shown;
    private List<String> values = List.of();

    /** The terms (bundle keys) a drill-down shows large above the list, and so leaves out of it. */
    public static final Set<String> KEY_FIGURES = Set.of("dashboard.figure.service-level", "dashboard.figure.average-speed-of-answer");

    public QueueFigures(QueueKind kind, QueueMetrics m) {
        this(kind, m, Set.of());
    }

    /** The kind's figures but the terms (bundle keys) in {@code leftOut}, which the screen shows elsewhere. */
    public QueueFigures(QueueKind kind, QueueMetrics m, Set<String> leftOut) {
        addClassName("queue-figures");
        this.shown = figuresOf(kind).stream().filter(figure -> !leftOut.contains(figure.term())).toList();
        show(m);
    }

    /** Shows these figures; nothing before the first ones arrive. */
    public void show(QueueMetrics m) {
        if (m == null) {
            return;
        }
        List<String> next = shown.stream().map(figure -> figure.value().apply(m)).toList();
        if (next.equals(values)) {
            return;
        }
        values = next;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            Figure figure = shown.get(i);
            list.append(figure.explained() == null ? "<dt>" : "<dt title=\"" + HtmlUtils.htmlEscape(said(figure.explained())) + "\">")
                    .append(HtmlUtils.htmlEscape(said(figure.term()))).append("</dt><dd>")
                    .append(HtmlUtils.htmlEscape(next.get(i))).append("</dd>");
        }
        getElement().setProperty("innerHTML", list.toString());
    }

    /** The bundle's text in the screen's language (this list is also made outside a screen, for the figures' tests). */
    private static String said(String key) {
        return Translations.translate(UserActions.locale(), key);
    }

    /** The value shown for a term in English ("Calls waiting"), or null when there is no such figure or none yet. */
    public String valueOf(String term) {
        for (int i = 0; i < values.size(); i++) {
            if (Translations.english(shown.get(i).term()).equals(term)) {
                return values.get(i);
            }
        }
        return null;
    }

    private static List<Figure> figuresOf(QueueKind kind) {
        return switch (kind) {
            case CALL -> List.of(
                    new Figure("dashboard.figure.calls-waiting", m -> Integer.toString(m.now().waiting())),
                    new Figure("dashboard.figure.agents-logged-in", m -> Integer.toString(m.now().agentsLoggedIn())),
                    new Figure("dashboard.figure.longest-waiting", m -> duration(m.now().longestWait())),
                    new Figure("dashboard.figure.average-handle-time", m -> duration(m.today().averageHandle())),
                    new Figure("dashboard.figure.calls-today", m -> Integer.toString(m.today().total())),
                    new Figure("dashboard.figure.abandoned-timed-out-handled",
                            m -> m.today().abandoned() + " · " + m.today().timedOut() + " · " + m.today().handled(), STATUS_OF_EACH_CALL),
                    new Figure("dashboard.figure.service-level", QueueFigures::serviceLevel, SERVICE_LEVEL_EXPLAINED),
                    new Figure("dashboard.figure.average-speed-of-answer", m -> duration(m.today().averageSpeedOfAnswer())),
                    new Figure("dashboard.figure.abandon-rate", m -> percent(m.today().abandonRate())));
            case CHAT -> List.of(
                    new Figure("dashboard.figure.unassigned-chats", m -> Integer.toString(m.now().waiting())),
                    new Figure("dashboard.figure.agents-logged-in", m -> Integer.toString(m.now().agentsLoggedIn())),
                    new Figure("dashboard.figure.longest-unassigned-wait", m -> duration(m.now().longestWait())),
                    new Figure("dashboard.figure.longest-wait-for-an-agents-reply", m -> duration(m.chats().longestAgentReplyWait())),
                    new Figure("dashboard.figure.waiting-for-the-agent", m -> Integer.toString(m.chats().awaitingAgent())),
                    new Figure("dashboard.figure.waiting-for-the-customer", m -> Integer.toString(m.chats().awaitingCustomer())),
                    new Figure("dashboard.figure.total-waiting-on-agents", m -> Integer.toString(m.chatsWaitingOnAgents())));
            case CAMPAIGN -> List.of(
                    new Figure("dashboard.figure.undialed-missed-calls", m -> Integer.toString(m.now().waiting())),
                    new Figure("dashboard.figure.dialed-today", m -> percent(m.today().dialedShare())),
                    new Figure("dashboard.figure.agents-logged-in", m -> Integer.toString(m.now().agentsLoggedIn())),
                    new Figure("dashboard.figure.average-handle-time", m -> duration(m.today().averageHandle())),
                    new Figure("dashboard.figure.calls-today", m -> Integer.toString(m.today().total())),
                    new Figure("dashboard.figure.incomplete-handled", m -> m.today().incomplete() + " · " + m.today().handled(),
                            STATUS_OF_EACH_CALL));
        };
    }

    /** "87 %", or a dash while nothing has counted yet today. */
    public static String serviceLevel(QueueMetrics m) {
        return m.today().serviceLevel() < 0 ? "–" : percent(m.today().serviceLevel());
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** "m:ss", or "h:mm:ss" from an hour on. */
    public static String duration(Duration d) {
        return Formats.duration(d);
    }
}
