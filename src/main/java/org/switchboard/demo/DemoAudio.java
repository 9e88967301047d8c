package org.switchboard.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.security.SystemUser;

/**
 * Demo mode: two pre-recorded audio messages, tones generated here as WAV (there is no voice to ship),
 * so "Show Recordings" has something to play. Runs once: while no message named "Please hold" exists.
 */
@Component
@Conditional(DemoModeCondition.class)
@Order(70)
class DemoAudio implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAudio.class);
    private static final int RATE = 8000;

    private final AudioMessageService audio;

    DemoAudio(AudioMessageService audio) {
        this.audio = audio;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemUser.run(() -> {
            if (audio.library(false, "Please hold").stream().anyMatch(m -> m.name().equals("Please hold"))) {
                return;
            }
            create("Please hold", "A calm tone while you look something up.", Set.of("hold", "general"), new int[] {440, 0, 440, 0}, 1000);
            create("Goodbye chime", "Three falling notes to close a call; try it with \"Play recording and hang up\".",
                    Set.of("closing"), new int[] {784, 659, 523}, 600);
            log.info("Demo pre-recorded audio messages created.");
        });
    }

    private void create(String name, String description, Set<String> tags, int[] notesHz, int noteMillis) {
        Path file = null;
        try {
            file = Files.createTempFile("demo-audio", ".wav");
            Files.write(file, wav(notesHz, noteMillis));
            audio.create(new AudioMessageForm(name, description, tags), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** 8 kHz 16-bit mono PCM: one note after another, 0 Hz being a pause. */
    static byte[] wav(int[] notesHz, int noteMillis) {
        int perNote = RATE * noteMillis / 1000;
        int samples = perNote * notesHz.length;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                .putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            int hz = notesHz[i / perNote];
            double fade = Math.min(1, Math.min(i % perNote, perNote - i % perNote) / 200.0); // no clicks between notes
            b.putShort((short) (Math.sin(2 * Math.PI * hz * i / RATE) * 6000 * fade));
        }
        return b.array();
    }
}
