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
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;

/**
 * {@code <sb-softphone>}: the audio of the agent's web calls and calls between users. It follows the
 * call the dashboard shows: rings for an offered call, offers the media once the call is connected
 * (again after a reload of the page, and the other side answers the new offer), relays its signals
 * through {@link VoiceService}, applies the other side's, and closes the media when the call is no
 * longer connected. The one exception to "offers": the callee of a call between users, which saw the
 * call ring here, waits for the caller's offer, so the two never offer at once.
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
    private static final int MAX_EARLY_SIGNALS = 32;

    private final VoiceService voice;
    private final VoiceFeed feed;
    private final long agentId;
    private final Consumer<String> problems;
    private State state = State.IDLE;
    /** The connected call whose media runs here, or null. */
    private Long callId;
    /** A call between users that rang here: once answered, its caller offers the media. */
    private Long answeredHere;
    /**
     * A colleague's signals that came before this tab carried their call (the caller's offer can
     * overtake the repaint that starts the callee's media), replayed when it does; a few at most.
     */
    private final java.util.List<CallSignalled> early = new java.util.ArrayList<>();
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
            if (signal != null && signal.from() != Party.AGENT && signal.agentId() == agentId) {
                ui.access(() -> {
                    if (callId != null && callId == signal.contactId() && signal.from() == Party.SUPERVISOR) {
                        getElement().callJsFunction("monitor", signal.supervisorId(), signal.kind().name(), signal.payload());
                    } else if (callId != null && callId == signal.contactId()) {
                        getElement().callJsFunction("signal", signal.kind().name(), signal.payload());
                    } else if (signal.from() == Party.COLLEAGUE && early.size() < MAX_EARLY_SIGNALS) {
                        early.add(signal);
                    }
                });
            }
        }));
    }

    /**
     * Follows the agent's voice call as the dashboard shows it.
     *
     * @param carriesAudio whether the call's audio runs through this softphone
     */
    public void follow(ContactView call, boolean carriesAudio) {
        // A call to a colleague rings at the colleague until answered: no media before that.
        boolean connected = carriesAudio && call != null && call.state() == ContactState.CONNECTED && !call.ringing();
        if (callId != null && (!connected || call.id() != callId)) {
            getElement().callJsFunction("stop");
            callId = null;
            muted = false;
            held = false;
        }
        boolean ringing = carriesAudio && call != null && call.state() == ContactState.OFFERED;
        if (ringing != (state == State.RINGING)) {
            getElement().callJsFunction("ring", ringing);
        }
        if (ringing && call.type() == ContactType.DIRECT_CALL_IN) {
            answeredHere = call.id();
        }
        if (connected && callId == null) {
            callId = call.id();
            boolean offer = answeredHere == null || answeredHere != call.id();
            getElement().callJsFunction("start", offer).then(String.class, problem -> {
                if (problem != null && !problem.isEmpty()) {
                    problems.accept(problem);
                }
            });
            early.stream().filter(signal -> signal.contactId() == call.id())
                    .forEach(signal -> getElement().callJsFunction("signal", signal.kind().name(), signal.payload()));
            early.clear();
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

    /** The browser's offer, answer and candidates, for the call this softphone carries. */
    @ClientCallable
    void signal(String kind, String payload) {
        SignalKind.named(kind).ifPresent(signal -> send(signal, payload));
    }

    /** The browser's offer and candidates for a supervisor's Listen or Whisper connection. */
    @ClientCallable
    void monitorSignal(long supervisorId, String kind, String payload) {
        Long call = callId;
        SignalKind.named(kind).filter(SignalKind::monitor).ifPresent(signal -> refusedQuietly(signal,
                () -> voice.monitorSignal(agentId, call == null ? 0 : call, supervisorId, signal, payload)));
    }

    private void send(SignalKind kind, String payload) {
        Long call = callId;
        if (call != null) {
            refusedQuietly(kind, () -> voice.signal(agentId, call, kind, payload));
        }
    }

    private void refusedQuietly(SignalKind kind, Runnable signal) {
        try {
            signal.run();
        } catch (ConflictException | ValidationException | NotFoundException e) {
            // A signal racing the call's end, or a browser sending what the checks refuse: nothing is relayed.
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            log.debug("Signal {} of agent {} ({}) refused: {}", kind, agentId, signedIn == null ? "-" : signedIn.getName(), e.getMessage());
        }
    }
}
