package org.switchboard.voice.ui;

import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.switchboard.common.LanguageSwitch;
import org.switchboard.queue.QueueInfo;
import org.switchboard.common.CoalescedRefresh;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.PublicClient;
import org.switchboard.common.UserActions;
import org.switchboard.voice.CallSignalled;
import org.switchboard.voice.Party;
import org.switchboard.voice.VoiceFeed;
import org.switchboard.voice.VoiceProperties;
import org.switchboard.voice.WebCall;
import org.switchboard.voice.WebCallService;

/**
 * The public caller page: a name, an optional phone number and "Call". The microphone is asked for
 * first; without it no call is placed. The call waits in the queue with hold music, then the agent's
 * voice comes through; the caller sees the state and a timer and can hang up. Leaving the page (closing
 * the tab, a reload) hangs up: the token lives only in this page.
 */
@Route(value = "call/:queue", autoLayout = false)
@AnonymousAllowed
@JavaScript("context://assets/sb-clock.js")
class CallView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final TextField name = new TextField(getTranslation("chat.webchat.name"));
    final TextField phone = new TextField(getTranslation("voice.caller.phone"));
    final Button call = new Button(getTranslation("voice.caller.call"), VaadinIcon.PHONE.create());
    final Div startForm;
    final Span problem = new Span();
    final Span status = new Span();
    final Div timer = new Div();
    final Button hangUp = new Button(getTranslation("voice.caller.hang-up"), VaadinIcon.PHONE_LANDLINE.create());
    final Button again = new Button(getTranslation("voice.caller.again"));
    final Div callPanel;
    final CallerLine line;
    private final H1 heading = new H1();
    private final WebCallService webCalls;
    private final VoiceFeed feed;
    private final CoalescedRefresh<Optional<WebCall>> refresh;
    private String queueName;
    private String token;
    private WebCall shown;
    /** This browser's id from its localStorage, once the page has asked for it. */
    private String browserId;

    CallView(WebCallService webCalls, VoiceFeed feed, VoiceProperties properties, ScreenRefreshes refreshes) {
        this.webCalls = webCalls;
        this.feed = feed;
        this.refresh = refreshes.coalesced("a caller's web call", 100, () -> webCalls.call(token), this::show);
        this.line = new CallerLine(properties.browserSettingsJson(), (kind, payload) -> {
            if (token != null) {
                // A refused signal (the call ended meanwhile) changes nothing; the page follows the call's state.
                UserActions.run(() -> webCalls.signal(token, kind, payload));
            }
        });
        addClassName("webchat");
        addClassName("web-call");
        name.setId("call-name");
        name.setMaxLength(100);
        name.setRequired(true);
        phone.setId("call-phone");
        phone.setMaxLength(25);
        call.setId("call-start");
        call.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        call.addClickListener(e -> placeCall());
        problem.setId("call-problem");
        problem.addClassName("call-problem");
        problem.getElement().setAttribute("role", "alert");
        startForm = new Div(name, phone, call, problem);
        startForm.addClassName("webchat-start");

        status.setId("call-status");
        status.addClassName("webchat-status");
        status.getElement().setAttribute("aria-live", "polite");
        timer.setId("call-timer");
        timer.addClassName("call-timer");
        hangUp.setId("call-hang-up");
        hangUp.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        hangUp.addClickListener(e -> hangUp());
        again.setId("call-again");
        again.addClickListener(e -> startOver());
        callPanel = new Div(status, timer, hangUp, again);
        callPanel.addClassName("webchat-conversation");
        callPanel.setVisible(false);
        // The line stays visible (an invisible component has no element in the page): it holds the
        // microphone before the call is placed, and its level meter shows what the caller hears.
        add(new LanguageSwitch(), heading, startForm, callPanel, line);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = java.net.URLDecoder.decode(event.getRouteParameters().get("queue").orElse("").replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            QueueInfo queue = webCalls.queue(requested);
            queueName = queue.name();
            webCalls.holdMusic(queue.id()).ifPresent(music -> line.getElement().setAttribute("hold-music",
                    (DownloadHandler) download -> {
                        download.setContentType(music.contentType());
                        webCalls.copyHoldMusic(queue.id(), download.getOutputStream());
                    }));
        } catch (NotFoundException e) {
            heading.setText(getTranslation("voice.caller.title"));
            startForm.setVisible(false);
            add(new Paragraph(e.in(getLocale())));
            return;
        }
        heading.setText(getTranslation("voice.caller.title-of", queueName));
    }

    @Override
    public String getPageTitle() {
        return queueName == null ? getTranslation("voice.caller.title") : getTranslation("voice.caller.title-of", queueName);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Subscriptions.untilDetached(this, feed.subscribe(update -> {
            WebCall current = shown;
            if (current == null || !update.concerns(current.contactId())) {
                return;
            }
            CallSignalled signal = update.signal();
            if (signal == null) {
                refresh.request(ui, null);
            } else if (signal.from() == Party.AGENT && !signal.kind().monitor()) {
                ui.access(() -> line.signal(signal.kind(), signal.payload()));
            }
        }));
        // Calls are limited per browser, not per company network.
        PublicClient.askBrowserId(this, id -> browserId = id);
    }

    /** Leaving the page is hanging up. */
    @Override
    protected void onDetach(DetachEvent event) {
        if (token != null && shown != null && !shown.ended()) {
            UserActions.run(() -> webCalls.hangUp(token));
        }
        super.onDetach(event);
    }

    private void placeCall() {
        problem.setText("");
        if (name.getValue().isBlank()) {
            problem.setText(getTranslation("voice.error.name-required"));
            return;
        }
        call.setEnabled(false);
        line.openMicrophone(trouble -> {
            call.setEnabled(true);
            if (!trouble.isEmpty()) {
                // No microphone, no call: nothing was placed.
                problem.setText(trouble);
                return;
            }
            PublicClient client = new PublicClient(
                    VaadinRequest.getCurrent() == null ? "" : VaadinRequest.getCurrent().getRemoteAddr(), browserId);
            UserActions.run(() -> {
                token = webCalls.place(queueName, name.getValue(), phone.getValue(), client).token();
                show(webCalls.call(token));
            });
        });
    }

    private void hangUp() {
        if (token != null && UserActions.run(() -> webCalls.hangUp(token))) {
            show(webCalls.call(token));
        }
    }

    private void startOver() {
        token = null;
        shown = null;
        show(Optional.empty());
    }

    void show(Optional<WebCall> loaded) {
        WebCall before = shown;
        shown = loaded.orElse(null);
        startForm.setVisible(shown == null && queueName != null);
        callPanel.setVisible(shown != null);
        if (shown == null) {
            return;
        }
        boolean changed = before == null || before.state() != shown.state();
        hangUp.setVisible(!shown.ended());
        again.setVisible(shown.ended());
        if (shown.waiting()) {
            status.setText(getTranslation("voice.caller.waiting"));
            clock(shown.createdAt());
            line.holdMusic(true);
        } else if (shown.connected()) {
            status.setText(getTranslation("voice.caller.connected"));
            clock(shown.connectedAt());
            if (changed) {
                line.holdMusic(false);
            }
        } else {
            status.setText(getTranslation("voice.caller.ended"));
            timer.removeAll();
            if (changed) {
                line.close();
            }
        }
    }

    private void clock(java.time.Instant from) {
        if (from == null) {
            timer.removeAll();
            return;
        }
        String millis = Long.toString(from.toEpochMilli());
        if (timer.getElement().getChildCount() == 1 && millis.equals(timer.getElement().getChild(0).getAttribute("from"))) {
            return;
        }
        timer.removeAll();
        timer.getElement().appendChild(new Element("sb-clock").setAttribute("from", millis));
    }
}
