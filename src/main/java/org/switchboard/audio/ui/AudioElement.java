package org.switchboard.audio.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import org.switchboard.audio.AudioMessage;

/** The browser's own audio player for a message; it fetches nothing until the user presses play. */
@Tag("audio")
class AudioElement extends Component {

    AudioElement(AudioMessage message) {
        getElement().setAttribute("controls", true);
        getElement().setAttribute("preload", "none");
        getElement().setAttribute("src", message.contentUrl());
        getElement().setAttribute("aria-label", getTranslation("audio.library.listen-to", message.name()));
        getElement().getStyle().set("height", "2rem").set("max-width", "100%");
    }
}
