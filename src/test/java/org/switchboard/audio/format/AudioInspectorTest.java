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
        opus[47] = (byte) 'X'; // the "OggS" of the second page, after the first (27 + 1 + 19 bytes)
        assertThatThrownBy(() -> inspect(opus, ".ogg")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The OGG file is damaged.");
        byte[] matroska = AudioSamples.webm(100, 0);
        System.arraycopy("mkvx".getBytes(StandardCharsets.ISO_8859_1), 0, matroska, 15, 4); // the DocType "webm"
        assertThatThrownBy(() -> inspect(matroska, ".webm")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The file is a Matroska file, not WebM.");
    }

    /** 6 minutes of 8 kHz 16-bit mono samples: what a header that announces 2 s might hide. */
    static final int SIX_MINUTES_OF_SAMPLES = 8000 * 2 * 360;

    @Test
    void aWavHoldingMoreOrLessThanItsHeaderDeclaresIsRefused() throws Exception {
        byte[] declaresTwoSeconds = AudioSamples.wav(2000);
        byte[] hidesSixMinutes = Arrays.copyOf(declaresTwoSeconds, declaresTwoSeconds.length + SIX_MINUTES_OF_SAMPLES);
        assertThatThrownBy(() -> inspect(hidesSixMinutes, ".wav")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The WAV file's header declares 0:02.0 of audio, but the file holds 6:02.0.");
        byte[] cutShort = Arrays.copyOf(declaresTwoSeconds, 44 + 16_000);
        assertThatThrownBy(() -> inspect(cutShort, ".wav")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The WAV file's header declares 0:02.0 of audio, but the file holds 0:01.0.");
        // Chunks after the audio (a LIST of tags) are no audio and are fine.
        byte[] list = "LIST\u0004\0\0\0INFO".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tagged = Arrays.copyOf(declaresTwoSeconds, declaresTwoSeconds.length + list.length);
        System.arraycopy(list, 0, tagged, declaresTwoSeconds.length, list.length);
        java.nio.ByteBuffer.wrap(tagged, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(tagged.length - 8);
        assertThat(inspect(tagged, ".wav").duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void otherFormatsHoldingMoreThanTheyDeclareAreRefused() throws Exception {
        // 77 frames of 1152 samples at 44.1 kHz = 2 s declared; 18750 frames = 8:09.8 present.
        assertThatThrownBy(() -> inspect(AudioSamples.mp3WithInfo(77, 18_750), ".mp3")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The MP3 file's header declares 0:02.0 of audio, but the file holds 8:09.8.");
        assertThat(inspect(AudioSamples.mp3WithInfo(100, 100), ".mp3").duration()).as("the Info frame is no audio")
                .isEqualTo(Duration.ofMillis(2612));
        byte[] frames = AudioSamples.mp3(100, false);
        byte[] junkInTheMiddle = Arrays.copyOf(frames, frames.length + 1000 + frames.length);
        System.arraycopy(frames, 0, junkInTheMiddle, frames.length + 1000, frames.length);
        assertThatThrownBy(() -> inspect(junkInTheMiddle, ".mp3")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The MP3 file is damaged: after 0:02.6 of audio it holds data that is not MP3 audio.");

        assertThatThrownBy(() -> inspect(AudioSamples.oggOpus(2000, 360_000), ".opus")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The OGG file's header declares 0:02.0 of audio, but the file holds 6:00.0.");
        assertThatThrownBy(() -> inspect(AudioSamples.webm(360_000, 2000), ".webm")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The WebM file's header declares 0:02.0 of audio, but the file holds 6:00.0.");
    }

    /** Cases AudioInspectorFuzzTest found, kept by name. */
    @Test
    void headersThatLieAboutSizesOrRatesAreRefused() throws Exception {
        byte[] wav = AudioSamples.wav(2000);
        java.nio.ByteBuffer.wrap(wav, 28, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4000); // byte rate: half of 8 kHz x 2 bytes
        assertThatThrownBy(() -> inspect(wav, ".wav")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The WAV file is damaged: its byte rate does not match its sample rate.");

        byte[] vorbis = AudioSamples.oggVorbis(3000);
        int lastGranule = vorbis.length - (27 + 16 + 16 * 20) + 6; // the last page holds the last 16 packets
        java.nio.ByteBuffer.wrap(vorbis, lastGranule, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(22050L * 360);
        assertThatThrownBy(() -> inspect(vorbis, ".ogg")).isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("The OGG file's header declares 6:00.0 of audio, but the file holds 0:03.");

        byte[] docTypeOfAnySize = AudioSamples.webm(1000, 0);
        docTypeOfAnySize[13] = 0x08; // the DocType's size becomes five bytes long and swallows "web": 75 MB to read
        assertThatThrownBy(() -> inspect(docTypeOfAnySize, ".webm")).isInstanceOf(AudioFormatException.class)
                .hasMessage("The WebM file is damaged.");

        byte[] webm = AudioSamples.webm(3000, 0);
        int secondCluster = indexOf(webm, new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75}, 100);
        webm[secondCluster + 12 + 3 + 2] = 0x7F; // its timecode jumps by 32.5 s; the packets hold 3 s
        assertThatThrownBy(() -> inspect(webm, ".webm")).isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("The WebM file's header declares");
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
