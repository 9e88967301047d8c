package org.switchboard.dashboard.ui;

import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.dashboard.Countdown;

/** The agent's call: the incoming offer, the call itself, its wrap-up, or a field to make a call. */
class ContactPanel extends Div {

    interface Actions {
        void accept(ContactView offer);

        void end(ContactView call);

        void endWrapUp();

        void extendWrapUp(ContactView call);

        void callOut(String number);

        void showRecordings(ContactView call);

        /** Web calls: the caller no longer hears the agent, or hears it again. */
        void mute(boolean muted);

        /** Web calls: the caller hears the hold music, or the agent again. */
        void hold(boolean held);

        boolean muted();

        boolean held();
    }

    private final Actions actions;
    private ContactView shown;
    private String shownLine;
    private boolean shownAudio;
    private boolean rendered;

    ContactPanel(Actions actions) {
        this.actions = actions;
        setId("contact-panel");
    }

    /**
     * Shows the call; a repaint with the very same call and line keeps the buttons in place, so a click
     * that is under way (or a number being typed) is not lost to a push that changed something else.
     *
     * @param line the agent's line, which an offered call rings
     */
    void show(ContactView call, String line, boolean carriesAudio) {
        // An offer looks the same with audio or without: learning that the offered call is a web call
        // (a moment after the offer, on a busy server) must not replace the Accept being clicked.
        boolean audioShown = call != null && call.state() != ContactState.OFFERED;
        if (rendered && Objects.equals(call, shown) && Objects.equals(line, shownLine)
                && (!audioShown || carriesAudio == shownAudio)) {
            return;
        }
        rendered = true;
        shown = call;
        shownLine = line;
        shownAudio = carriesAudio;
        removeAll();
        setClassName("contact-panel");
        if (call == null) {
            idle();
        } else if (call.state() == ContactState.OFFERED) {
            offer(call, line);
        } else if (call.state() == ContactState.CONNECTED) {
            connected(call);
        } else if (call.state() == ContactState.WRAP_UP) {
            wrapUp(call);
        }
    }

    private void offer(ContactView offer, String line) {
        addClassName("offer");
        Span headline = new Span(getTranslation(offer.type().key()) + (offer.queueName() == null ? "" : " · " + offer.queueName()));
        headline.addClassName("headline");
        headline.setId("offer-title");
        Button accept = button("dashboard.call.accept", VaadinIcon.PHONE, "dashboard.call.accept-tooltip", b -> actions.accept(offer));
        accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        accept.setId("accept");
        Div details = details(headline, who(offer));
        if (line != null) {
            Span rings = new Span(getTranslation("dashboard.call.on-line", line));
            rings.addClassName("line");
            rings.setId("offer-line");
            details.add(rings);
        }
        add(details, Countdown.until(offer.offerExpiresAt()), accept);
    }

    private void connected(ContactView call) {
        addClassName("connected");
        Span headline = new Span(call.ringing() ? getTranslation("dashboard.call.ringing", nameOrNumber(call))
                : getTranslation("dashboard.call.on-call") + " · " + getTranslation(call.type().key())
                + (call.queueName() == null ? "" : " · " + call.queueName()));
        headline.addClassName("headline");
        headline.setId("call-title");
        Button end = button("dashboard.call.end", VaadinIcon.PHONE_LANDLINE, "dashboard.call.end-tooltip", b -> actions.end(call));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        end.setId("end-call");
        Component timer = call.ringing() ? new Span() : Countdown.since(call.connectedAt());
        Div details = details(headline, who(call));
        if (call.type() == ContactType.DIRECT_CALL_OUT && !shownAudio) {
            Span route = new Span(getTranslation("dashboard.call.no-extension"));
            route.addClassName("line");
            route.setId("call-route");
            details.add(route);
        }
        add(details, timer);
        if (shownAudio) {
            add(toggle("dashboard.call.mute", "dashboard.call.unmute", actions.muted(), VaadinIcon.MICROPHONE, "dashboard.call.mute-tooltip", "mute",
                            actions::mute),
                    toggle("dashboard.call.hold", "dashboard.call.resume", actions.held(), VaadinIcon.PAUSE, "dashboard.call.hold-tooltip", "hold",
                            actions::hold));
        }
        if (call.type().isVoice() && !call.ringing()) {
            Button recordings = button("dashboard.call.show-recordings", VaadinIcon.MICROPHONE, "dashboard.call.show-recordings-tooltip",
                    b -> actions.showRecordings(call));
            recordings.setId("show-recordings");
            add(recordings);
        }
        add(end);
    }

    private void wrapUp(ContactView call) {
        addClassName("wrap-up");
        Span headline = new Span(getTranslation("dashboard.wrap-up.title") + " · " + nameOrNumber(call));
        headline.addClassName("headline");
        headline.setId("wrap-up-title");
        Button end = button("dashboard.wrap-up.end", VaadinIcon.CHECK, "dashboard.wrap-up.end-tooltip", b -> actions.endWrapUp());
        end.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        end.setId("end-wrap-up");
        Component timer = call.wrapUpEndsAt() == null ? new Span(getTranslation("dashboard.wrap-up.until-you-end-it")) : Countdown.until(call.wrapUpEndsAt());
        add(details(headline, new Span(getTranslation(call.wrapUpEndsAt() == null
                ? "dashboard.wrap-up.take-your-time" : "dashboard.wrap-up.timed"))), timer, end);
        if (call.wrapUpEndsAt() != null && !call.wrapUpExtended()) {
            Button extend = button("dashboard.wrap-up.more-time", VaadinIcon.PLUS, "dashboard.wrap-up.more-time-tooltip", b -> actions.extendWrapUp(call));
            extend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(extend);
        }
    }

    private void idle() {
        TextField number = new TextField();
        number.setPlaceholder(getTranslation("dashboard.dial.placeholder"));
        number.setAriaLabel(getTranslation("dashboard.dial.number"));
        number.setId("dial-number");
        number.setClearButtonVisible(true);
        Button call = button("dashboard.dial.call", VaadinIcon.PHONE, "dashboard.dial.call-tooltip", b -> actions.callOut(number.getValue()));
        call.setId("dial");
        Span headline = new Span(getTranslation("dashboard.idle.title"));
        headline.addClassName("headline");
        add(details(headline, new Span(getTranslation("dashboard.idle.hint"))), number, call);
    }

    private static Div details(Component headline, Component line) {
        Div details = new Div(headline, line);
        details.addClassName("details");
        return details;
    }

    private Span who(ContactView contact) {
        String name = contact.customerName() == null ? getTranslation("dashboard.call.unknown-caller") : contact.customerName();
        Span who = new Span(contact.customerAddress() == null ? name : name + " · " + contact.customerAddress());
        who.addClassName("who");
        return who;
    }

    private String nameOrNumber(ContactView contact) {
        return contact.customerName() != null ? contact.customerName()
                : contact.customerAddress() != null ? contact.customerAddress() : getTranslation("dashboard.call.the-customer");
    }

    /** A button that flips between two states by itself, so a repaint of the panel is not needed. */
    private Button toggle(String offKey, String onKey, boolean pressed, VaadinIcon icon, String tooltipKey, String id,
            Consumer<Boolean> flip) {
        String off = getTranslation(offKey);
        String on = getTranslation(onKey);
        Button toggle = button(pressed ? onKey : offKey, icon, tooltipKey, b -> {
            boolean now = !Boolean.parseBoolean(b.getElement().getAttribute("aria-pressed"));
            b.getElement().setAttribute("aria-pressed", Boolean.toString(now));
            b.setText(now ? on : off);
            flip.accept(now);
        });
        toggle.getElement().setAttribute("aria-pressed", Boolean.toString(pressed));
        toggle.setId(id);
        return toggle;
    }

    /** A button with the bundle's texts for {@code textKey} and {@code tooltipKey}. */
    private Button button(String textKey, VaadinIcon icon, String tooltipKey, Consumer<Button> onClick) {
        Button button = new Button(getTranslation(textKey), icon.create());
        button.setTooltipText(getTranslation(tooltipKey));
        button.addClickListener(e -> onClick.accept(button));
        return button;
    }
}
