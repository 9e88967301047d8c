package org.switchboard.audio.format;

/** How much audio one Opus packet holds, from its first two bytes (RFC 6716, 3.1 and 3.2). */
final class OpusPacket {

    /** Opus counts samples at 48 kHz whatever rate it was recorded at. */
    static final int RATE = 48_000;

    private OpusPacket() {
    }

    /** Samples at 48 kHz in a packet of {@code length} bytes starting with these bytes (the second only read for code 3). */
    static int samples(int toc, int frameCountByte, int length) {
        int frames = switch (toc & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> length >= 2 ? frameCountByte & 0x3F : 0;
        };
        return frames * frameSamples(toc >> 3);
    }

    /** Samples at 48 kHz in each frame, by the TOC's configuration (RFC 6716, table 2). */
    private static int frameSamples(int config) {
        if (config < 12) {
            return new int[] {480, 960, 1920, 2880}[config & 3]; // SILK: 10, 20, 40, 60 ms
        }
        if (config < 16) {
            return new int[] {480, 960}[config & 1]; // hybrid: 10, 20 ms
        }
        return new int[] {120, 240, 480, 960}[config & 3]; // CELT: 2.5, 5, 10, 20 ms
    }
}
