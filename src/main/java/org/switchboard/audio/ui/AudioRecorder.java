package org.switchboard.audio.ui;

import java.io.File;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadHandler;
import tools.jackson.databind.node.ObjectNode;
import com.vaadin.flow.internal.JacksonUtils;

/**
 * Records from the browser's microphone (frontend/sb-audio.js) and sends each finished recording to
 * the server, where it arrives as a temporary file on the upload's request thread. Its texts are the
 * bundle's, in the screen's language.
 */
@Tag("sb-audio-recorder")
@JavaScript("context://assets/sb-audio.js")
class AudioRecorder extends Component {

    AudioRecorder(long maxSeconds, SerializableConsumer<File> onRecorded) {
        getElement().setAttribute("target", UploadHandler.toTempFile((metadata, file) -> onRecorded.accept(file)));
        getElement().setAttribute("max-seconds", String.valueOf(maxSeconds));
        ObjectNode texts = JacksonUtils.createObjectNode();
        Map.of("record", "audio.recorder.record", "stop", "audio.recorder.stop", "again", "audio.recorder.again",
                "listen", "audio.recorder.listen", "cannotRecord", "audio.recorder.cannot-record",
                "noMicrophone", "audio.recorder.no-microphone", "recording", "audio.recorder.recording",
                "saving", "audio.recorder.saving", "sendFailed", "audio.recorder.send-failed",
                "connectionFailed", "audio.recorder.connection-failed")
                .forEach((what, key) -> texts.put(what, getTranslation(key)));
        getElement().setPropertyJson("i18n", texts);
    }
}
