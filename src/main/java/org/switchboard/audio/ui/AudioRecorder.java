package org.switchboard.audio.ui;

import java.io.File;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Records from the browser's microphone (frontend/sb-audio.js) and sends each finished recording to
 * the server, where it arrives as a temporary file on the upload's request thread.
 */
@Tag("sb-audio-recorder")
@JavaScript("context://assets/sb-audio.js")
class AudioRecorder extends Component {

    AudioRecorder(long maxSeconds, SerializableConsumer<File> onRecorded) {
        getElement().setAttribute("target", UploadHandler.toTempFile((metadata, file) -> onRecorded.accept(file)));
        getElement().setAttribute("max-seconds", String.valueOf(maxSeconds));
    }
}
