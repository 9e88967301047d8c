package org.switchboard.audio.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * OGG with Vorbis or Opus: the granule position of the last page counts samples (Opus always at
 * 48 kHz, minus its pre-skip; Vorbis at the rate of its identification header). For Opus the packets
 * present are counted too, each by its TOC byte, and the file is refused when the two disagree.
 */
final class OggDuration {

    private static final int OPUS_RATE = 48_000;
    /** Opus packets 0 and 1 are the OpusHead and OpusTags headers; audio starts with packet 2. */
    private static final int OPUS_HEADER_PACKETS = 2;

    private OggDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(0);
        long rate = 0;
        boolean opus = false;
        long preSkip = 0;
        long lastGranule = -1;
        long serial = -1;
        OpusPackets packets = new OpusPackets();
        while (in.remaining() > 0) {
            if (!in.ascii(4).equals("OggS")) {
                throw new AudioFormatException("The OGG file is damaged.");
            }
            in.skip(2); // version, header type
            long granule = in.u64le();
            long pageSerial = in.u32le();
            in.skip(8); // sequence number, checksum
            if (serial != -1 && pageSerial != serial) {
                throw new AudioFormatException("The OGG file holds more than one stream.");
            }
            serial = pageSerial;
            byte[] lacing = in.bytes(in.u8());
            int bodyLength = 0;
            for (byte value : lacing) {
                bodyLength += value & 0xFF;
            }
            byte[] body = in.bytes(bodyLength);
            if (rate == 0) {
                String magic = new String(body, 0, Math.min(body.length, 19), StandardCharsets.ISO_8859_1);
                if (magic.startsWith("OpusHead") && body.length >= 12) {
                    rate = OPUS_RATE;
                    opus = true;
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
            if (opus) {
                packets.add(lacing, body);
            }
            if (granule != -1) {
                lastGranule = granule;
            }
        }
        if (lastGranule <= preSkip) {
            throw new AudioFormatException("The OGG file contains no audio.");
        }
        long declaredMillis = (lastGranule - preSkip) * 1000 / rate;
        if (opus) {
            long heldMillis = Math.max(0, packets.samples - preSkip) * 1000 / rate;
            if (Math.abs(declaredMillis - heldMillis) > AudioFormatException.TOLERANCE_MILLIS) {
                throw AudioFormatException.disagreement("OGG", declaredMillis, heldMillis);
            }
        }
        return declaredMillis;
    }

    /** Reassembles Opus packets from the pages' lacing values (a packet may span pages) and adds up their samples. */
    private static final class OpusPackets {

        private long samples;
        private int index;
        private int length;
        private int toc;
        private int frameCountByte;

        void add(byte[] lacing, byte[] body) {
            int offset = 0;
            for (byte value : lacing) {
                int segment = value & 0xFF;
                for (int i = 0; i < segment && length + i < 2; i++) {
                    if (length + i == 0) {
                        toc = body[offset + i] & 0xFF;
                    } else {
                        frameCountByte = body[offset + i] & 0xFF;
                    }
                }
                length += segment;
                offset += segment;
                if (segment < 255) {
                    if (index >= OPUS_HEADER_PACKETS && length > 0) {
                        samples += frames() * frameSamples();
                    }
                    index++;
                    length = 0;
                }
            }
        }

        /** Frames in the packet (RFC 6716, 3.2): one, two, or as many as the frame count byte says. */
        private int frames() {
            return switch (toc & 3) {
                case 0 -> 1;
                case 1, 2 -> 2;
                default -> length >= 2 ? frameCountByte & 0x3F : 0;
            };
        }

        /** Samples at 48 kHz in each frame, by the TOC's configuration (RFC 6716, table 2). */
        private int frameSamples() {
            int config = toc >> 3;
            if (config < 12) {
                return new int[] {480, 960, 1920, 2880}[config & 3]; // SILK: 10, 20, 40, 60 ms
            }
            if (config < 16) {
                return new int[] {480, 960}[config & 1]; // hybrid: 10, 20 ms
            }
            return new int[] {120, 240, 480, 960}[config & 3]; // CELT: 2.5, 5, 10, 20 ms
        }
    }
}
