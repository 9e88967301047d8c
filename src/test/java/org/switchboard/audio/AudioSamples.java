package org.switchboard.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generates small audio files of each accepted format, byte by byte, for tests. */
public final class AudioSamples {

    private AudioSamples() {
    }

    /** A 440 Hz tone as 8 kHz, 16-bit mono PCM WAV, playable by any browser. */
    public static byte[] wav(int millis) {
        int rate = 8000;
        int samples = rate * millis / 1000;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        return b.array();
    }

    /** A WAV header that announces {@code dataBytes} of 8 kHz 8-bit mono (8000 bytes a second), followed by silence. */
    public static byte[] wavOfSize(int dataBytes) {
        return wavOfSize(dataBytes, 8000, 1);
    }

    /** A WAV of {@code dataBytes} of silence at {@code rate} Hz mono with {@code bytesPerSample} bytes per sample. */
    public static byte[] wavOfSize(int dataBytes, int rate, int bytesPerSample) {
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * bytesPerSample)
                .putShort((short) bytesPerSample).putShort((short) (8 * bytesPerSample));
        b.put(ascii("data")).putInt(dataBytes);
        return b.array();
    }

    /**
     * An MP3 whose first frame is a LAME-style Info header declaring {@code declaredFrames} frames,
     * followed by {@code frames} frames of audio.
     */
    public static byte[] mp3WithInfo(int declaredFrames, int frames) {
        byte[] info = new byte[417];
        info[0] = (byte) 0xFF;
        info[1] = (byte) 0xFB;
        info[2] = (byte) 0x90;
        ByteBuffer.wrap(info, 36, 12).put(ascii("Info")).putInt(1).putInt(declaredFrames); // after 32 bytes of side information
        byte[] audio = mp3(frames, false);
        return concat(info, audio);
    }

    /** {@code frames} MPEG-1 layer III frames at 128 kbit/s, 44.1 kHz (1152 samples each), after an ID3v2 tag if asked. */
    public static byte[] mp3(int frames, boolean id3) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (id3) {
            out.writeBytes(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 20});
            out.writeBytes(new byte[20]);
        }
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[417]; // 144 * 128000 / 44100, no padding
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) 0x90;
            out.writeBytes(frame);
        }
        out.writeBytes("TAG".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[125]);
        return out.toByteArray();
    }

    /** OGG Opus of {@code millis} after a pre-skip of 312 samples: 20 ms packets, 50 to a page. */
    public static byte[] oggOpus(int millis) {
        return oggOpus(millis, millis);
    }

    /** OGG Opus whose last page declares {@code declaredMillis} of audio while its packets hold {@code heldMillis}. */
    public static byte[] oggOpus(int declaredMillis, int heldMillis) {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put(ascii("OpusHead")).put((byte) 1).put((byte) 1).putShort((short) 312).putInt(48000).putShort((short) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(oggPage(0, head.array()));
        out.writeBytes(oggPage(0, ascii("OpusTags\0\0\0\0\0\0\0\0")));
        long packets = (312 + 48L * heldMillis + 959) / 960;
        for (long written = 0; written < packets; ) {
            int onPage = (int) Math.min(50, packets - written);
            written += onPage;
            long granule = written == packets ? 312 + 48L * declaredMillis : Math.min(written * 960, 312 + 48L * declaredMillis);
            out.writeBytes(oggPage(granule, onPage));
        }
        return out.toByteArray();
    }

    /**
     * OGG Vorbis at 22.05 kHz whose last page says {@code millis} of audio: the three header packets,
     * then as many 20-byte audio packets as that takes when every block is 2048 samples long (both
     * block sizes are 2048, so the packets fix the duration within two of them).
     */
    public static byte[] oggVorbis(int millis) {
        ByteBuffer head = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 1).put(ascii("vorbis")).putInt(0).put((byte) 1).putInt(22050).putInt(0).putInt(0).putInt(0)
                .put((byte) 0xBB).put((byte) 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(oggPage(0, head.array()));
        out.writeBytes(oggPage(0, ascii("\u0003vorbis\0\0\0\0\0\0\0\0\u0001")));
        out.writeBytes(oggPage(0, ascii("\u0005vorbis" + "\0".repeat(40))));
        long samples = 22050L * millis / 1000;
        long packets = (samples + 1023) / 1024 + 1; // the first packet primes the decoder: no samples
        for (long written = 0; written < packets; ) {
            int onPage = (int) Math.min(50, packets - written);
            written += onPage;
            out.writeBytes(oggPage(written == packets ? samples : Math.max(0, written - 1) * 1024, onPage, new byte[20]));
        }
        return out.toByteArray();
    }

    /** A page of {@code packets} three-byte Opus packets, each one 20 ms CELT frame (TOC config 31, code 0). */
    private static byte[] oggPage(long granule, int packets) {
        return oggPage(granule, packets, new byte[] {(byte) 0xF8, 1, 2});
    }

    /** A page of {@code packets} copies of {@code packet} (shorter than 255 bytes). */
    private static byte[] oggPage(long granule, int packets, byte[] packet) {
        ByteBuffer page = ByteBuffer.allocate(27 + packets + packet.length * packets).order(ByteOrder.LITTLE_ENDIAN);
        page.put(ascii("OggS")).put((byte) 0).put((byte) 0).putLong(granule).putInt(1).putInt(0).putInt(0).put((byte) packets);
        for (int i = 0; i < packets; i++) {
            page.put((byte) packet.length);
        }
        for (int i = 0; i < packets; i++) {
            page.put(packet);
        }
        return page.array();
    }

    private static byte[] oggPage(long granule, byte[] body) {
        int segments = body.length / 255 + 1;
        ByteBuffer page = ByteBuffer.allocate(27 + segments + body.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put(ascii("OggS")).put((byte) 0).put((byte) 0).putLong(granule).putInt(1).putInt(0).putInt(0).put((byte) segments);
        for (int i = 0; i < segments - 1; i++) {
            page.put((byte) 255);
        }
        page.put((byte) (body.length % 255));
        page.put(body);
        return page.array();
    }

    /**
     * WebM as MediaRecorder writes it: Segment and Clusters of unknown size, no Duration unless
     * {@code declaredMillis} is positive; blocks every 20 ms up to {@code lastBlockMillis}.
     */
    public static byte[] webm(int lastBlockMillis, double declaredMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(element(0x1A45DFA3, concat(element(0x4286, new byte[] {1}), element(0x4282, ascii("webm")))));
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, -1, -1, -1, -1, -1, -1, -1});
        byte[] info = element(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40});
        if (declaredMillis > 0) {
            info = concat(info, element(0x4489, ByteBuffer.allocate(8).putDouble(declaredMillis).array()));
        }
        out.writeBytes(element(0x1549A966, info));
        out.writeBytes(element(0x1654AE6B, new byte[12])); // Tracks, skipped by size
        for (int cluster = 0; cluster * 1000 <= lastBlockMillis; cluster++) {
            out.writeBytes(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75, 0x01, -1, -1, -1, -1, -1, -1, -1});
            out.writeBytes(element(0xE7, ByteBuffer.allocate(4).putInt(cluster * 1000).array()));
            for (int relative = 0; relative < 1000 && cluster * 1000 + relative <= lastBlockMillis; relative += 20) {
                out.writeBytes(element(0xA3, new byte[] {(byte) 0x81, (byte) (relative >> 8), (byte) relative, (byte) 0x80, 1, 2, 3}));
            }
        }
        return out.toByteArray();
    }

    private static byte[] element(int id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int shift = 24; shift >= 0; shift -= 8) {
            int b = (id >> shift) & 0xFF;
            if (b != 0 || out.size() > 0) {
                out.write(b);
            }
        }
        out.write(0x40 | body.length >> 8); // two-byte size
        out.write(body.length & 0xFF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes bytes to a new temporary file with the given name ending. */
    public static Path file(byte[] bytes, String suffix) {
        try {
            Path file = Files.createTempFile("audio-test", suffix);
            file.toFile().deleteOnExit();
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
