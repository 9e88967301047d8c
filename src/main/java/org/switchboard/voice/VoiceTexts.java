package org.switchboard.voice;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.internal.JacksonUtils;

/** The texts {@code sb-voice.js} shows or returns (microphone problems, the level meter), in the page's language. */
public final class VoiceTexts {

    private VoiceTexts() {
    }

    /** Gives a {@code <sb-softphone>} or {@code <sb-caller-line>} its texts. */
    public static void give(Component line) {
        line.getElement().setPropertyJson("texts", JacksonUtils.createObjectNode()
                .put("microphoneDenied", line.getTranslation("voice.browser.microphone-denied"))
                .put("microphoneMissing", line.getTranslation("voice.browser.microphone-missing"))
                .put("microphoneFailed", line.getTranslation("voice.browser.microphone-failed"))
                .put("browserCannotCall", line.getTranslation("voice.browser.cannot-call"))
                .put("level", line.getTranslation("voice.browser.level")));
    }
}
