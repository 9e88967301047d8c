package org.switchboard.voice;

import java.util.function.Consumer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactView;

/**
 * {@code <sb-softphone>}: the audio of the agent's web calls. It follows the call the dashboard shows:
 * rings for an offered web call, offers the media once the call is connected (again after a reload of
 * the page, and the caller answers the new offer), relays its signals through {@link VoiceService},
 * applies the caller's, and closes the media when the call is no longer connected.
 */
@Tag("sb-softphone")
@JavaScript("context://assets/sb-clock.js")
@JavaScript("context://assets/sb-voice.js")
public class Softphone extends Component {

    /** What the softphone is doing, as the agent's controls show it. */
    public enum State {
        IDLE, RINGING, ON_CALL
    }

    private static final Logger log = LoggerFactory.getLogger(Softphone.class);

    private final VoiceService voice;
    private final VoiceFeed feed;
    private final long agentId;
    private final Consumer<String> problems;
    private State state = State.IDLE;
    /** The connected web call whose media runs here, or null. */
    private Long callId;
    private boolean muted;
    private boolean held;

    /** @param problems shows the agent a problem of the audio (no microphone) */
    public Softphone(VoiceService voice, VoiceFeed feed, VoiceProperties properties, long agentId, Consumer<String> problems) {
        this.voice = voice;
        this.feed = feed;
        this.agentId = agentId;
        this.problems = problems;
        setId("softphone");
        VoiceTexts.give(this);
        getElement().callJsFunction("configure", properties.browserSettingsJson());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Subscriptions.untilDetached(this, feed.subscribe(update -> {
            CallSignalled signal = update.signal();
            if (signal != null && signal.from() == Party.CALLER && signal.agentId() == agentId) {
                ui.access(() -> {
                    if (callId != null && callId == signal.contactId()) {
                        getElement().callJsFunction("signal", signal.kind().name(), signal.payload());
                    }
                });
            }
        }));
    }

    /**
     * Follows the agent's voice call as the dashboard shows it.
     *
     * @param webCall whether the call's audio runs through this softphone
     */
    public void follow(ContactView call, boolean webCall) {
        boolean connected = webCall && call != null && call.state() == ContactState.CONNECTED;
        if (callId != null && (!connected || call.id() != callId)) {
            getElement().callJsFunction("stop");
            callId = null;
            muted = false;
            held = false;
        }
        boolean ringing = webCall && call != null && call.state() == ContactState.OFFERED;
        if (ringing != (state == State.RINGING)) {
            getElement().callJsFunction("ring", ringing);
        }
        if (connected && callId == null) {
            callId = call.id();
            getElement().callJsFunction("start").then(String.class, problem -> {
                if (problem != null && !problem.isEmpty()) {
                    problems.accept(problem);
                }
            });
        }
        state = connected ? State.ON_CALL : ringing ? State.RINGING : State.IDLE;
    }

    /** Asks for the microphone before an offer is accepted; {@code then} gets "" or the problem to show. */
    public void openMicrophone(Consumer<String> then) {
        getElement().callJsFunction("openMicrophone").then(String.class, problem -> then.accept(problem == null ? "" : problem));
    }

    /** The caller no longer hears the agent (the agent still hears the caller). */
    public void setMuted(boolean muted) {
        this.muted = muted;
        getElement().callJsFunction("setMuted", muted, held);
    }

    /** On hold the caller hears the hold music and the agent hears nothing; both are silent to each other. */
    public void setHeld(boolean held) {
        if (callId == null) {
            return;
        }
        this.held = held;
        getElement().callJsFunction("setMuted", muted, held);
        send(held ? SignalKind.HELD : SignalKind.RESUMED, "");
    }

    public State state() {
        return state;
    }

    public boolean muted() {
        return muted;
    }

    public boolean held() {
        return held;
    }

    /** The browser's offer and candidates, for the call this softphone carries. */
    @ClientCallable
    void signal(String kind, String payload) {
        SignalKind.named(kind).ifPresent(signal -> send(signal, payload));
    }

    private void send(SignalKind kind, String payload) {
        if (callId == null) {
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        try {
            voice.signal(agentId, callId, kind, payload);
        } catch (ConflictException | ValidationException | NotFoundException e) {
            // A signal racing the call's end, or a browser sending what the checks refuse: nothing is relayed.
            log.debug("Signal {} of agent {} ({}) refused: {}", kind, agentId, signedIn == null ? "-" : signedIn.getName(), e.getMessage());
        }
    }
}
