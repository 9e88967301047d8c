package org.switchboard.audio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.PushedChanges;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSamples;
import org.switchboard.security.SystemUser;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class AudioMessagesViewTest extends SpringBrowserlessTest {

    @Autowired
    AudioMessageService audio;

    AudioMessagesView open() {
        navigate(AudioMessagesView.class);
        return $(AudioMessagesView.class).single();
    }

    int rowOf(AudioMessagesView view, String name) {
        var grid = test(view.grid);
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).name().equals(name)).findFirst().orElse(-1);
    }

    Button action(AudioMessagesView view, String name, int index) {
        HorizontalLayout actions = (HorizontalLayout) test(view.grid).getCellComponent(rowOf(view, name), 5);
        return (Button) actions.getComponentAt(index);
    }

    @Test
    @WithUserDetails("agent1")
    void anAgentCreatesArchivesUnarchivesEditsAndDeletesAMessage() throws Exception {
        AudioMessagesView view = open();
        String name = RoutingFixture.unique("Opening hours");

        test(view.add).click();
        AudioMessageDialog dialog = $(AudioMessageDialog.class).single();
        assertThat(dialog.archived.isVisible()).as("a new message is never archived").isFalse();
        test(dialog.save).click();
        assertThat(dialog.name.isInvalid()).as("the name field says a name is missing").isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(dialog.error.isVisible()).as("nothing reached the service").isFalse();
        test(dialog.name).setValue(name);
        dialog.tags.setValue(Set.of("hours"));
        test(dialog.save).click();
        assertThat(dialog.error.getText()).isEqualTo("Record or upload the audio.");

        Path text = AudioSamples.file("not audio".getBytes(StandardCharsets.UTF_8), ".wav");
        dialog.received(text);
        assertThat(dialog.error.getText()).startsWith("This is not a WAV, MP3, OGG or WebM audio file.");
        assertThat(Files.exists(text)).as("a refused file is not kept").isFalse();

        Path wav = AudioSamples.file(AudioSamples.wav(3000), ".wav");
        dialog.received(wav);
        assertThat(dialog.audioStatus.getText()).isEqualTo("New audio: WAV · 0:03 · 46 KB");
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(Files.exists(wav)).as("the upload's temporary file is removed once stored").isFalse();

        int row = rowOf(view, name);
        assertThat(row).isNotNegative();
        AudioMessage stored = test(view.grid).getRow(row);
        assertThat(stored.tags()).containsExactly("hours");
        assertThat(stored.durationText()).isEqualTo("0:03");
        AudioElement player = (AudioElement) test(view.grid).getCellComponent(row, 4);
        assertThat(player.getElement().getAttribute("src")).isEqualTo(stored.contentUrl());

        test(view.search).setValue("HOURS");
        assertThat(rowOf(view, name)).isNotNegative();
        test(view.search).setValue("");

        // archive: leaves Recordings, appears in Archive; unarchive brings it back
        test(action(view, name, 0)).click();
        assertThat(rowOf(view, name)).isNegative();
        view.tabs.setSelectedTab(view.archive);
        assertThat(rowOf(view, name)).isNotNegative();
        test(action(view, name, 0)).click();
        assertThat(rowOf(view, name)).isNegative();
        view.tabs.setSelectedTab(view.recordings);
        assertThat(rowOf(view, name)).isNotNegative();

        // edit on row click: rename and replace the audio
        test(view.grid).clickRow(rowOf(view, name));
        AudioMessageDialog edit = $(AudioMessageDialog.class).single();
        assertThat(edit.name.getValue()).isEqualTo(name);
        assertThat(edit.audioStatus.getText()).isEqualTo("WAV · 0:03 · 46 KB");
        edit.received(AudioSamples.file(AudioSamples.oggOpus(12_000), ".ogg"));
        test(edit.name).setValue(name + " v2");
        test(edit.save).click();
        AudioMessage changed = test(view.grid).getRow(rowOf(view, name + " v2"));
        assertThat(changed.durationText()).isEqualTo("0:12");

        // archive from the form
        test(view.grid).clickRow(rowOf(view, name + " v2"));
        AudioMessageDialog archiveIt = $(AudioMessageDialog.class).single();
        test(archiveIt.archived).click();
        test(archiveIt.save).click();
        assertThat(rowOf(view, name + " v2")).isNegative();
        view.tabs.setSelectedTab(view.archive);

        // delete asks first; cancel keeps it, confirm removes it
        test(action(view, name + " v2", 1)).click();
        test($(ConfirmDialog.class).single()).cancel();
        assertThat(rowOf(view, name + " v2")).isNotNegative();
        test(action(view, name + " v2", 1)).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(rowOf(view, name + " v2")).isNegative();
    }

    @Test
    @WithUserDetails("agent1")
    void theLibraryFollowsWhatOthersChangeWithoutReloading() {
        AudioMessagesView view = open();
        String name = RoutingFixture.unique("Added elsewhere");
        AudioMessage added = SystemUser.call(() -> audio.create(new AudioMessageForm(name, "", Set.of()),
                AudioSamples.file(AudioSamples.wav(500), ".wav")));
        PushedChanges.await(() -> {
            // This thread holds the session lock, as a request would: run what other threads handed to ui.access.
            VaadinSession.getCurrent().getService().runPendingAccessTasks(VaadinSession.getCurrent());
            roundTrip();
        }, () -> rowOf(view, name) >= 0);
        SystemUser.run(() -> audio.delete(added.id()));
    }

    @Test
    @WithUserDetails("agent1")
    void someoneElsesMessageIsReadOnly() {
        String name = RoutingFixture.unique("Supervisor's");
        AudioMessage theirs = SystemUser.call(() -> audio.create(new AudioMessageForm(name, "", Set.of()),
                AudioSamples.file(AudioSamples.wav(500), ".wav")));
        AudioMessagesView view = open();
        int row = rowOf(view, name);
        assertThat(test(view.grid).getRow(row).editable()).isFalse();
        assertThat(((HorizontalLayout) test(view.grid).getCellComponent(row, 5)).getComponentCount()).isZero();

        test(view.grid).clickRow(row);
        AudioMessageDialog dialog = $(AudioMessageDialog.class).single();
        assertThat(dialog.name.isReadOnly()).isTrue();
        assertThat(dialog.save.isAttached()).isFalse();
        assertThat(dialog.upload.isAttached()).isFalse();
        SystemUser.run(() -> audio.delete(theirs.id()));
    }
}
