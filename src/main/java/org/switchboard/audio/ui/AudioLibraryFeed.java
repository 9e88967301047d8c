package org.switchboard.audio.ui;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.audio.AudioMessagesChanged;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ClusterRelay;

/**
 * Hands committed changes of the audio library, of this node and (through the {@link ClusterRelay}) of
 * every other, to the open library views of this node. A view reloads the whole list on any change.
 */
@Component
class AudioLibraryFeed {

    private final Broadcaster<AudioMessagesChanged> broadcaster = new Broadcaster<>();
    private final Consumer<AudioMessagesChanged> publisher;

    AudioLibraryFeed(ClusterRelay relay) {
        // After a gap any message may have changed: a change of "none" makes every view reload all the same.
        publisher = relay.register("audio-library", AudioMessagesChanged.class, broadcaster::publish,
                () -> broadcaster.publish(new AudioMessagesChanged(0)));
    }

    Broadcaster.Registration subscribe(Consumer<AudioMessagesChanged> listener) {
        return broadcaster.subscribe(listener);
    }

    @TransactionalEventListener
    void onChanged(AudioMessagesChanged event) {
        publisher.accept(event);
    }
}
