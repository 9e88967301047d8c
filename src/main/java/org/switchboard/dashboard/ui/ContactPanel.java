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
        if (rendered && Objects.equals(call, shown) && Objects.equals(line, shownLine) && carriesAudio == shownAudio) {
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
        Span headline = new Span(offer.type().label() + (offer.queueName() == null ? "" : " · " + offer.queueName()));
        headline.addClassName("headline");
        headline.setId("offer-title");
        Button accept = button("Accept", VaadinIcon.PHONE, "Accept (Alt+A)", b -> actions.accept(offer));
        accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        accept.setId("accept");
        Div details = details(headline, who(offer));
        if (line != null) {
            Span rings = new Span("on line " + line);
            rings.addClassName("line");
            rings.setId("offer-line");
            details.add(rings);
        }
        add(details, Countdown.until(offer.offerExpiresAt()), accept);
    }

    private void connected(ContactView call) {
        addClassName("connected");
        Span headline = new Span(call.ringing() ? "Ringing " + nameOrNumber(call) + "…" : "On call · " + call.type().label()
                + (call.queueName() == null ? "" : " · " + call.queueName()));
        headline.addClassName("headline");
        headline.setId("call-title");
        Button end = button("End call", VaadinIcon.PHONE_LANDLINE, "End call (Alt+E)", b -> actions.end(call));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        end.setId("end-call");
        Component timer = call.ringing() ? new Span() : Countdown.since(call.connectedAt());
        Div details = details(headline, who(call));
        if (call.type() == ContactType.DIRECT_CALL_OUT && !shownAudio) {
            Span route = new Span("No extension: the phone system places this call.");
            route.addClassName("line");
            route.setId("call-route");
            details.add(route);
        }
        add(details, timer);
        if (shownAudio) {
            add(toggle("Mute", "Unmute", actions.muted(), VaadinIcon.MICROPHONE, "The caller does not hear you while muted", "mute",
                            actions::mute),
                    toggle("Hold", "Resume", actions.held(), VaadinIcon.PAUSE, "The caller hears the hold music while on hold", "hold",
                            actions::hold));
        }
        if (call.type().isVoice() && !call.ringing()) {
            Button recordings = button("Show Recordings", VaadinIcon.MICROPHONE, "Play a pre-recorded audio message into the call",
                    b -> actions.showRecordings(call));
            recordings.setId("show-recordings");
            add(recordings);
        }
        add(end);
    }

    private void wrapUp(ContactView call) {
        addClassName("wrap-up");
        Span headline = new Span("Wrap-up · " + nameOrNumber(call));
        headline.addClassName("headline");
        headline.setId("wrap-up-title");
        Button end = button("End wrap up", VaadinIcon.CHECK, "End wrap up (Alt+W)", b -> actions.endWrapUp());
        end.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        end.setId("end-wrap-up");
        Component timer = call.wrapUpEndsAt() == null ? new Span("until you end it") : Countdown.until(call.wrapUpEndsAt());
        add(details(headline, new Span(call.wrapUpEndsAt() == null ? "Take your time; you get no new call until you end it."
                : "You get no new call until the time is over or you end it.")), timer, end);
        if (call.wrapUpEndsAt() != null && !call.wrapUpExtended()) {
            Button extend = button("More time", VaadinIcon.PLUS, "Extend wrap-up once", b -> actions.extendWrapUp(call));
            extend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(extend);
        }
    }

    private void idle() {
        TextField number = new TextField();
        number.setPlaceholder("Phone number");
        number.setAriaLabel("Number to call");
        number.setId("dial-number");
        number.setClearButtonVisible(true);
        Button call = button("Call", VaadinIcon.PHONE, "Make a non-queue call", b -> actions.callOut(number.getValue()));
        call.setId("dial");
        Span headline = new Span("No call right now");
        headline.addClassName("headline");
        add(details(headline, new Span("Calls from your queues appear here. To call someone, type a number.")), number, call);
    }

    private static Div details(Component headline, Component line) {
        Div details = new Div(headline, line);
        details.addClassName("details");
        return details;
    }

    private static Span who(ContactView contact) {
        String name = contact.customerName() == null ? "Unknown caller" : contact.customerName();
        Span who = new Span(contact.customerAddress() == null ? name : name + " · " + contact.customerAddress());
        who.addClassName("who");
        return who;
    }

    private static String nameOrNumber(ContactView contact) {
        return contact.customerName() != null ? contact.customerName()
                : contact.customerAddress() != null ? contact.customerAddress() : "the customer";
    }

    /** A button that flips between two states by itself, so a repaint of the panel is not needed. */
    private static Button toggle(String off, String on, boolean pressed, VaadinIcon icon, String tooltip, String id,
            Consumer<Boolean> flip) {
        Button toggle = button(pressed ? on : off, icon, tooltip, b -> {
            boolean now = !Boolean.parseBoolean(b.getElement().getAttribute("aria-pressed"));
            b.getElement().setAttribute("aria-pressed", Boolean.toString(now));
            b.setText(now ? on : off);
            flip.accept(now);
        });
        toggle.getElement().setAttribute("aria-pressed", Boolean.toString(pressed));
        toggle.setId(id);
        return toggle;
    }

    private static Button button(String text, VaadinIcon icon, String tooltip, Consumer<Button> onClick) {
        Button button = new Button(text, icon.create());
        button.setTooltipText(tooltip);
        button.addClickListener(e -> onClick.accept(button));
        return button;
    }
}
