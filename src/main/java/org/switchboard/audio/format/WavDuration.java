package org.switchboard.audio.format;

import java.io.IOException;
import java.util.Set;

/**
 * WAV (RIFF/WAVE): the duration is the size of the data chunk divided by the byte rate of the fmt
 * chunk. The sizes in the headers must match the bytes present: audio beyond the declared data (or a
 * data chunk cut short) would play for another length than the one measured.
 */
final class WavDuration {

    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    /** PCM, IEEE float, A-law, mu-law and WAVE_FORMAT_EXTENSIBLE: a byte rate of sample rate times frame size. */
    private static final Set<Integer> UNCOMPRESSED = Set.of(0x0001, 0x0003, 0x0006, 0x0007, 0xFFFE);

    private WavDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(4);
        long riffSize = in.u32le();
        in.seek(12);
        long byteRate = 0;
        while (in.remaining() >= 8) {
            String id = in.ascii(4);
            long size = in.u32le();
            if (id.equals("fmt ")) {
                int formatTag = in.u16le();
                in.skip(2); // channels
                long sampleRate = in.u32le();
                byteRate = in.u32le();
                int blockAlign = in.u16le();
                // Players time uncompressed samples by rate and frame size; the byte rate is only derived from them.
                if (UNCOMPRESSED.contains(formatTag) && byteRate != sampleRate * blockAlign) {
                    throw new AudioFormatException("audio.format.wav-byte-rate");
                }
                in.skip(Math.max(0, size - 14) + (size & 1));
            } else if (id.equals("data")) {
                if (byteRate == 0) {
                    throw new AudioFormatException("audio.format.wav-no-format");
                }
                long available = in.remaining();
                // A recorder that could not seek back writes 0 or 0xFFFFFFFF: the data runs to the end.
                if (size == 0 || size == UNKNOWN_SIZE) {
                    return available * 1000 / byteRate;
                }
                if (size > available) {
                    throw AudioFormatException.disagreement("WAV", size * 1000 / byteRate, available * 1000 / byteRate);
                }
                long dataStart = in.position();
                boolean riffSizeKnown = riffSize != 0 && riffSize != UNKNOWN_SIZE;
                if (!onlyWholeChunksFollow(in, size)
                        || riffSizeKnown && riffSize + 8 != in.length() && riffSize + 8 != in.length() - 1) {
                    throw AudioFormatException.disagreement("WAV", size * 1000 / byteRate,
                            (in.length() - dataStart) * 1000 / byteRate);
                }
                return size * 1000 / byteRate;
            } else {
                in.skip(size + (size & 1));
            }
        }
        throw new AudioFormatException("audio.format.wav-no-data");
    }

    /** After the data chunk only further chunks (LIST, cue...) that end exactly at the end of the file, a pad byte allowed. */
    private static boolean onlyWholeChunksFollow(AudioFile in, long dataSize) throws IOException {
        long next = in.position() + dataSize + (dataSize & 1);
        while (next + 8 <= in.length()) {
            in.seek(next);
            if (!in.ascii(4).matches("[\\x20-\\x7E]{4}")) {
                return false; // no chunk ID: samples, not a chunk
            }
            long size = in.u32le();
            next = in.position() + size + (size & 1);
        }
        return next == in.length() || next == in.length() + 1;
    }
}
