package org.switchboard.audio.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.switchboard.audio.AudioFormat;
import org.switchboard.audio.AudioSamples;

/** Format detection by content and duration measurement on generated files of each format. */
class AudioInspectorTest {

    static AudioInspector.Probe inspect(byte[] bytes, String suffix) throws Exception {
        return AudioInspector.inspect(AudioSamples.file(bytes, suffix));
    }

    @Test
    void wavDurationIsDataSizeOverByteRate() throws Exception {
        assertThat(inspect(AudioSamples.wav(1500), ".wav")).isEqualTo(new AudioInspector.Probe(AudioFormat.WAV, Duration.ofMillis(1500)));
    }

    @Test
    void wavWithoutDataSizeRunsToTheEndOfTheFile() throws Exception {
        byte[] wav = AudioSamples.wavOfSize(16_000);
        Arrays.fill(wav, 40, 44, (byte) 0xFF); // a recorder that could not seek back
        assertThat(inspect(wav, ".wav").duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void mp3DurationAddsUpTheFramesAfterAnId3Tag() throws Exception {
        // 100 frames of 1152 samples at 44.1 kHz = 2612 ms
        assertThat(inspect(AudioSamples.mp3(100, true), ".mp3")).isEqualTo(new AudioInspector.Probe(AudioFormat.MP3, Duration.ofMillis(2612)));
        assertThat(inspect(AudioSamples.mp3(50, false), ".bin").duration()).isEqualTo(Duration.ofMillis(1306));
    }

    @Test
    void oggDurationComesFromTheLastGranulePosition() throws Exception {
        assertThat(inspect(AudioSamples.oggOpus(4250), ".opus")).isEqualTo(new AudioInspector.Probe(AudioFormat.OGG, Duration.ofMillis(4250)));
        assertThat(inspect(AudioSamples.oggVorbis(3000), ".ogg").duration()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void webmUsesTheDeclaredDurationOrElseTheLastBlock() throws Exception {
        assertThat(inspect(AudioSamples.webm(2500, 0), ".webm")).isEqualTo(new AudioInspector.Probe(AudioFormat.WEBM, Duration.ofMillis(2500)));
        assertThat(inspect(AudioSamples.webm(2500, 2520.4), ".webm").duration()).isEqualTo(Duration.ofMillis(2520));
    }

    @Test
    void theNameDoesNotMatterOnlyTheContent() throws Exception {
        assertThat(inspect(AudioSamples.oggOpus(1000), ".wav").format()).isEqualTo(AudioFormat.OGG);
        Path text = AudioSamples.file("Hello, this is not audio at all.\n".getBytes(StandardCharsets.UTF_8), ".wav");
        assertThatThrownBy(() -> AudioInspector.inspect(text)).isInstanceOf(AudioFormatException.class)
                .hasMessage("This is not a WAV, MP3, OGG or WebM audio file.");
    }

    @Test
    void damagedFilesAreRefusedWithAReason() {
        byte[] truncated = Arrays.copyOf(AudioSamples.wav(1000), 30);
        assertThatThrownBy(() -> inspect(truncated, ".wav")).isInstanceOf(AudioFormatException.class)
                .hasMessageContaining("incomplete");
        byte[] opus = AudioSamples.oggOpus(1000);
        opus[opus.length - 329] = (byte) 'X'; // the "OggS" of the last page (27 + 2 + 300 bytes)
        assertThatThrownBy(() -> inspect(opus, ".ogg")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The OGG file is damaged.");
        byte[] matroska = AudioSamples.webm(100, 0);
        System.arraycopy("mkvx".getBytes(StandardCharsets.ISO_8859_1), 0, matroska, 15, 4); // the DocType "webm"
        assertThatThrownBy(() -> inspect(matroska, ".webm")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The file is a Matroska file, not WebM.");
    }
}
