package org.switchboard.audio.format;

import java.io.IOException;

/**
 * MP3 (MPEG audio layer III): walks every frame header and adds up the samples, which is exact for
 * constant and variable bit rates alike. A leading ID3v2 tag is skipped; after the last frame only
 * closing tags (ID3v1, APE, Lyrics3) may follow. A frame count declared in a Xing, Info or VBRI
 * header must agree with the frames present.
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
        long at = Math.min(start, in.length());
        long samples = 0;
        int sampleRate = 0;
        long declaredFrames = -1;
        long frames = 0;
        while (in.length() - at >= 4) {
            in.seek(at);
            Frame frame = frame(in.u8(), in.u8(), in.u8());
            if (frame == null || (sampleRate != 0 && frame.sampleRate() != sampleRate)) {
                break;
            }
            sampleRate = frame.sampleRate();
            long next = Math.min(at + frame.length(), in.length());
            if (frames == 0 && declaredFrames < 0 && (declaredFrames = declaredFrames(in, at, frame)) >= 0) {
                at = next; // the Xing/Info/VBRI frame describes the stream and holds no audio
                continue;
            }
            samples += frame.samples();
            frames++;
            at = next;
        }
        if (samples == 0) {
            throw new AudioFormatException("audio.format.mp3-no-frames");
        }
        long millis = samples * 1000 / sampleRate;
        if (!onlyTagsFrom(in, at)) {
            // Players skip such bytes and play any frames behind them, which this walk would not count.
            throw new AudioFormatException("audio.format.mp3-not-audio-after", AudioFormatException.clock(millis));
        }
        if (declaredFrames > 0) {
            long declaredMillis = declaredFrames * (samples / frames) * 1000 / sampleRate;
            if (Math.abs(declaredMillis - millis) > AudioFormatException.TOLERANCE_MILLIS) {
                throw AudioFormatException.disagreement("MP3", declaredMillis, millis);
            }
        }
        return millis;
    }

    /**
     * The frame count an encoder wrote into the first frame (a Xing or Info header after the side
     * information, or a VBRI header 32 bytes in); 0 when such a header has no count; -1 when the frame is audio.
     */
    private static long declaredFrames(AudioFile in, long at, Frame frame) throws IOException {
        in.seek(at + 3);
        boolean mono = (in.u8() >> 6) == 3;
        boolean v1 = frame.samples() == 1152;
        long sideInfoEnd = at + 4 + (v1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if (sideInfoEnd + 12 <= in.length()) {
            in.seek(sideInfoEnd);
            String tag = in.ascii(4);
            if (tag.equals("Xing") || tag.equals("Info")) {
                long flags = in.uintBe(4);
                return (flags & 1) != 0 ? in.uintBe(4) : 0;
            }
        }
        if (at + 4 + 32 + 18 <= in.length()) {
            in.seek(at + 4 + 32);
            if (in.ascii(4).equals("VBRI")) {
                in.skip(10); // version, delay, quality, bytes
                return in.uintBe(4);
            }
        }
        return -1;
    }

    /** From {@code at} to the end: nothing, a cut-off frame header, or the tags that may close an MP3 file (ID3v1, APE, Lyrics3). */
    private static boolean onlyTagsFrom(AudioFile in, long at) throws IOException {
        long rest = in.length() - at;
        if (rest < 4) {
            return true;
        }
        in.seek(at);
        String tail = in.ascii((int) Math.min(rest, 11));
        return tail.startsWith("TAG") && rest == 128 || tail.startsWith("APETAGEX") || tail.startsWith("LYRICSBEGIN");
    }
}
