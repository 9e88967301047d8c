package org.switchboard.audio.ui;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.audio.AudioMessagesChanged;
import org.switchboard.common.Broadcaster;

/** Hands committed changes of the audio library on this node to the open library views. */
@Component
class AudioLibraryFeed {

    private final Broadcaster<AudioMessagesChanged> broadcaster = new Broadcaster<>();

    Broadcaster.Registration subscribe(Consumer<AudioMessagesChanged> listener) {
        return broadcaster.subscribe(listener);
    }

    @TransactionalEventListener
    void onChanged(AudioMessagesChanged event) {
        broadcaster.publish(event);
    }
}
