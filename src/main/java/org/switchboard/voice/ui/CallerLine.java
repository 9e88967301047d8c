package org.switchboard.voice.ui;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import org.switchboard.voice.VoiceTexts;
import org.switchboard.voice.SignalKind;

/** {@code <sb-caller-line>}: the caller page's microphone, peer connection and what the caller hears. */
@Tag("sb-caller-line")
@JavaScript("context://assets/sb-voice.js")
class CallerLine extends Component {

    private final BiConsumer<SignalKind, String> signals;

    /** @param signals the caller's answer and candidates, for the server to check and relay */
    CallerLine(String browserSettingsJson, BiConsumer<SignalKind, String> signals) {
        this.signals = signals;
        setId("call-line");
        VoiceTexts.give(this);
        getElement().callJsFunction("configure", browserSettingsJson);
    }

    /** Asks for the microphone; {@code then} gets "" or the problem to show. */
    void openMicrophone(Consumer<String> then) {
        getElement().callJsFunction("openMicrophone").then(String.class, problem -> then.accept(problem == null ? "" : problem));
    }

    void holdMusic(boolean on) {
        getElement().callJsFunction("holdMusic", on);
    }

    /** The agent's offer, candidates, hold and resume. */
    void signal(SignalKind kind, String payload) {
        getElement().callJsFunction("signal", kind.name(), payload);
    }

    /** The call is over: media closed, microphone released. */
    void close() {
        getElement().callJsFunction("close");
    }

    @ClientCallable
    void signal(String kind, String payload) {
        SignalKind.named(kind).ifPresent(signal -> signals.accept(signal, payload));
    }
}
