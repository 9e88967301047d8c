package org.switchboard.voice;

import java.util.function.Consumer;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JavaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.UserActions;
import org.switchboard.contact.ContactState;

/**
 * {@code <sb-listener>}: a supervisor's Listen and Whisper, in the supervisor's tab. Listening, it plays
 * what the agent's tab sends it: the agent's own mix of both sides of the call. Whispering, it also
 * sends the supervisor's microphone, which the agent's tab plays to the agent only. It ends when the
 * supervisor stops or leaves the page, and when the call ends.
 */
@Tag("sb-listener")
@JavaScript("context://assets/sb-voice.js")
public class CallListener extends Component {

    /** Whose call the supervisor listens to, and whether it whispers to that agent. */
    public record Listening(long agentId, boolean whisper) {
    }

    private static final Logger log = LoggerFactory.getLogger(CallListener.class);

    private final VoiceService voice;
    private final VoiceFeed feed;
    private final long supervisorId;
    private final Consumer<Listening> changed;
    private long queueId;
    private long agentId;
    private boolean whisper;
    /** The call listened to, or null. */
    private Long callId;

    /** @param changed told what the supervisor now listens to (null: nothing), so the page shows it */
    public CallListener(VoiceService voice, VoiceFeed feed, VoiceProperties properties, long supervisorId, Consumer<Listening> changed) {
        this.voice = voice;
        this.feed = feed;
        this.supervisorId = supervisorId;
        this.changed = changed;
        setId("call-listener");
        getElement().callJsFunction("configure", properties.browserSettingsJson());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Subscriptions.untilDetached(this, feed.subscribe(update -> {
            CallSignalled signal = update.signal();
            boolean forMe = signal != null && signal.from() == Party.AGENT && signal.kind().monitor()
                    && signal.supervisorId() != null && signal.supervisorId() == supervisorId;
            boolean over = signal == null && update.state() != null && update.state() != ContactState.CONNECTED;
            // The agent's tab offers the call's media anew only when it was reloaded: its connection to this tab went with the old page.
            boolean agentReloaded = signal != null && signal.from() == Party.AGENT && signal.kind() == SignalKind.OFFER;
            if (forMe || over || agentReloaded) {
                ui.access(() -> {
                    if (callId == null || callId != update.contactId()) {
                        return;
                    }
                    if (over) {
                        end();
                    } else if (agentReloaded) {
                        // Listening starts again from this tab's own request, which carries the supervisor's sign-in.
                        getElement().executeJs("this.$server.listenAgain()");
                    } else {
                        getElement().callJsFunction("signal", signal.kind().name(), signal.payload());
                    }
                });
            }
        }));
    }

    /** Leaving the page stops listening. */
    @Override
    protected void onDetach(DetachEvent event) {
        stop();
        super.onDetach(event);
    }

    /**
     * Starts listening to the agent's call, or whispering to the agent; whispering needs the
     * microphone first. A refusal (not the agent's supervisor, no call with audio) explains itself.
     */
    public void listen(long queueId, long agentId, boolean whisper) {
        stop();
        getElement().callJsFunction("begin", whisper).then(String.class, problem -> {
            if (problem != null && !problem.isEmpty()) {
                UserActions.error(problem);
                getElement().callJsFunction("stop");
                return;
            }
            UserActions.run(() -> {
                callId = voice.listen(queueId, agentId, whisper);
                this.queueId = queueId;
                this.agentId = agentId;
                this.whisper = whisper;
                changed.accept(new Listening(agentId, whisper));
            });
            if (callId == null) {
                getElement().callJsFunction("stop");
            }
        });
    }

    /** Stops listening; the agent's tab closes its connection to this one. */
    public void stop() {
        Long call = callId;
        if (call == null) {
            return;
        }
        try {
            voice.stopListening(queueId, agentId, call);
        } catch (RuntimeException e) {
            // A page closed without a request (no sign-in to check): the agent's tab sees the connection fail and closes it.
            log.debug("Stopping to listen to call {} failed: {}", call, e.getMessage());
        }
        end();
    }

    private void end() {
        callId = null;
        getElement().callJsFunction("stop");
        changed.accept(null);
    }

    /** What the supervisor listens to, or null. */
    public Listening listening() {
        return callId == null ? null : new Listening(agentId, whisper);
    }

    /** The browser's answer and candidates for the connection from the agent's tab. */
    /** After the agent's tab was reloaded during the call: listen (or whisper) again, to its new page. */
    @ClientCallable
    void listenAgain() {
        if (callId != null) {
            listen(queueId, agentId, whisper);
        }
    }

    @ClientCallable
    void signal(String kind, String payload) {
        Long call = callId;
        SignalKind.named(kind).filter(SignalKind::monitor).ifPresent(signal -> {
            if (call == null) {
                return;
            }
            try {
                voice.listenerSignal(queueId, agentId, call, signal, payload);
            } catch (RuntimeException e) {
                // Racing the call's end, or what the checks refuse: nothing is relayed.
                log.debug("Signal {} of supervisor {} refused: {}", kind, supervisorId, e.getMessage());
            }
        });
    }
}
