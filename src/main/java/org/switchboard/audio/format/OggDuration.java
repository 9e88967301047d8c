package org.switchboard.audio.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * OGG with Vorbis or Opus: the granule position of the last page counts samples (Opus always at
 * 48 kHz, minus its pre-skip; Vorbis at the rate of its identification header). Page bodies are skipped.
 */
final class OggDuration {

    private OggDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(0);
        long rate = 0;
        long preSkip = 0;
        long lastGranule = -1;
        while (in.remaining() > 0) {
            if (!in.ascii(4).equals("OggS")) {
                throw new AudioFormatException("The OGG file is damaged.");
            }
            in.skip(2); // version, header type
            long granule = in.u64le();
            in.skip(12); // serial number, sequence number, checksum
            int segments = in.u8();
            long bodyLength = 0;
            for (byte lacing : in.bytes(segments)) {
                bodyLength += lacing & 0xFF;
            }
            long bodyEnd = in.position() + bodyLength;
            if (rate == 0) {
                byte[] body = in.bytes((int) Math.min(bodyLength, 19));
                String magic = new String(body, StandardCharsets.ISO_8859_1);
                if (magic.startsWith("OpusHead") && body.length >= 12) {
                    rate = 48_000;
                    preSkip = (body[10] & 0xFF) | (body[11] & 0xFF) << 8;
                } else if (magic.startsWith("\u0001vorbis") && body.length >= 16) {
                    rate = (body[12] & 0xFFL) | (body[13] & 0xFFL) << 8 | (body[14] & 0xFFL) << 16 | (body[15] & 0xFFL) << 24;
                } else {
                    throw new AudioFormatException("The OGG file holds neither Vorbis nor Opus audio.");
                }
                if (rate <= 0) {
                    throw new AudioFormatException("The OGG file has no valid sample rate.");
                }
            }
            in.seek(bodyEnd);
            if (granule != -1) {
                lastGranule = granule;
            }
        }
        if (lastGranule <= preSkip) {
            throw new AudioFormatException("The OGG file contains no audio.");
        }
        return (lastGranule - preSkip) * 1000 / rate;
    }
}
