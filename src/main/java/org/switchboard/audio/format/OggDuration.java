package org.switchboard.audio.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * OGG with Vorbis or Opus: the granule position of the last page counts samples (Opus always at
 * 48 kHz, minus its pre-skip; Vorbis at the rate of its identification header). The packets present
 * are counted too and the file is refused when they disagree with it: for Opus each packet's samples,
 * from its TOC byte; for Vorbis, whose packet sizes only its setup header could tell, the range its
 * short and long block sizes allow (each audio packet after the first adds between half a short and
 * half a long block).
 */
final class OggDuration {

    /** Opus packets 0 and 1 are the OpusHead and OpusTags headers; audio starts with packet 2. */
    private static final int OPUS_HEADER_PACKETS = 2;
    /** Vorbis packets 0 to 2 are the identification, comment and setup headers. */
    private static final int VORBIS_HEADER_PACKETS = 3;

    private OggDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(0);
        long rate = 0;
        boolean opus = false;
        long preSkip = 0;
        long lastGranule = -1;
        long serial = -1;
        int shortBlock = 0;
        int longBlock = 0;
        Packets packets = null;
        while (in.remaining() > 0) {
            if (!in.ascii(4).equals("OggS")) {
                throw new AudioFormatException("audio.format.damaged", "OGG");
            }
            in.skip(2); // version, header type
            long granule = in.u64le();
            long pageSerial = in.u32le();
            in.skip(8); // sequence number, checksum
            if (serial != -1 && pageSerial != serial) {
                throw new AudioFormatException("audio.format.ogg-streams");
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
                    rate = OpusPacket.RATE;
                    opus = true;
                    preSkip = (body[10] & 0xFF) | (body[11] & 0xFF) << 8;
                    packets = new Packets(OPUS_HEADER_PACKETS, true);
                } else if (magic.startsWith("\u0001vorbis") && body.length >= 29) {
                    rate = (body[12] & 0xFFL) | (body[13] & 0xFFL) << 8 | (body[14] & 0xFFL) << 16 | (body[15] & 0xFFL) << 24;
                    // block sizes are powers of two from 64 to 8192, the short one no larger than the long one
                    int shortExponent = body[28] & 0x0F;
                    int longExponent = (body[28] & 0xF0) >> 4;
                    if (shortExponent < 6 || longExponent > 13 || shortExponent > longExponent) {
                        throw new AudioFormatException("audio.format.ogg-vorbis-header");
                    }
                    shortBlock = 1 << shortExponent;
                    longBlock = 1 << longExponent;
                    packets = new Packets(VORBIS_HEADER_PACKETS, false);
                } else {
                    throw new AudioFormatException("audio.format.ogg-codec");
                }
                if (rate <= 0) {
                    throw new AudioFormatException("audio.format.ogg-rate");
                }
            }
            packets.add(lacing, body);
            if (granule != -1) {
                lastGranule = granule;
            }
        }
        if (lastGranule <= preSkip || packets.audio == 0) {
            throw new AudioFormatException("audio.format.no-audio", "OGG");
        }
        if (lastGranule > Long.MAX_VALUE / 1000) {
            throw new AudioFormatException("audio.format.damaged", "OGG");
        }
        long declaredMillis = (lastGranule - preSkip) * 1000 / rate;
        if (opus) {
            long heldMillis = Math.max(0, packets.samples - preSkip) * 1000 / rate;
            if (Math.abs(declaredMillis - heldMillis) > AudioFormatException.TOLERANCE_MILLIS) {
                throw AudioFormatException.disagreement("OGG", declaredMillis, heldMillis);
            }
        } else {
            // the first audio packet only primes the decoder, and the last may be cut to the granule
            long leastMillis = Math.max(0, packets.audio - 2) * (shortBlock / 2) * 1000 / rate;
            long mostMillis = packets.audio * (longBlock / 2) * 1000 / rate;
            if (declaredMillis > mostMillis + AudioFormatException.TOLERANCE_MILLIS) {
                throw AudioFormatException.disagreement("OGG", declaredMillis, mostMillis);
            }
            if (declaredMillis < leastMillis - AudioFormatException.TOLERANCE_MILLIS) {
                throw AudioFormatException.disagreement("OGG", declaredMillis, leastMillis);
            }
        }
        return declaredMillis;
    }

    /**
     * Reassembles packets from the pages' lacing values (a packet may span pages), counts those after
     * the headers and, for Opus, adds up their samples.
     */
    private static final class Packets {

        private final int headers;
        private final boolean opus;
        private long audio;
        private long samples;
        private int index;
        private int length;
        private int toc;
        private int frameCountByte;

        Packets(int headers, boolean opus) {
            this.headers = headers;
            this.opus = opus;
        }

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
                    if (index >= headers && length > 0) {
                        audio++;
                        samples += opus ? OpusPacket.samples(toc, frameCountByte, length) : 0;
                    }
                    index++;
                    length = 0;
                }
            }
        }
    }
}
