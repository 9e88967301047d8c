package org.switchboard.audio.format;

import java.io.IOException;

/**
 * MP3 (MPEG audio layer III): walks every frame header and adds up the samples, which is exact for
 * constant and variable bit rates alike. A leading ID3v2 tag is skipped; the walk stops at the first
 * bytes that are not a frame (a trailing ID3v1 or APE tag).
 */
final class Mp3Duration {

    private static final int[] BITRATES_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATES_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] SAMPLE_RATES_V1 = {44100, 48000, 32000};

    private Mp3Duration() {
    }

    /** A parsed layer III frame header. */
    record Frame(int sampleRate, int samples, int length) {
    }

    /** The frame whose header starts with these three bytes, or null when they are no MPEG audio layer III frame header. */
    static Frame frame(int b1, int b2, int b3) {
        if (b1 != 0xFF || (b2 & 0xE0) != 0xE0) {
            return null;
        }
        int version = (b2 >> 3) & 3; // 0 = MPEG 2.5, 1 = reserved, 2 = MPEG 2, 3 = MPEG 1
        int layer = (b2 >> 1) & 3; // 1 = layer III
        int bitrateIndex = (b3 >> 4) & 0xF;
        int rateIndex = (b3 >> 2) & 3;
        if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        boolean v1 = version == 3;
        int sampleRate = SAMPLE_RATES_V1[rateIndex] / (v1 ? 1 : version == 2 ? 2 : 4);
        int bitrate = (v1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
        int padding = (b3 >> 1) & 1;
        int length = (v1 ? 144 : 72) * bitrate / sampleRate + padding;
        return new Frame(sampleRate, v1 ? 1152 : 576, length);
    }

    static boolean startsWithId3(byte[] head) {
        return head.length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3';
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(0);
        byte[] head = in.bytes((int) Math.min(10, in.length()));
        long start = 0;
        if (startsWithId3(head) && head.length == 10) {
            long size = (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F);
            start = 10 + size + ((head[5] & 0x10) != 0 ? 10 : 0);
        }
        in.seek(Math.min(start, in.length()));
        long samples = 0;
        int sampleRate = 0;
        while (in.remaining() >= 4) {
            long at = in.position();
            Frame frame = frame(in.u8(), in.u8(), in.u8());
            if (frame == null || (sampleRate != 0 && frame.sampleRate() != sampleRate)) {
                break;
            }
            sampleRate = frame.sampleRate();
            samples += frame.samples();
            if (at + frame.length() > in.length()) {
                break;
            }
            in.seek(at + frame.length());
        }
        if (samples == 0) {
            throw new AudioFormatException("The MP3 file contains no audio frames.");
        }
        return samples * 1000 / sampleRate;
    }
}
