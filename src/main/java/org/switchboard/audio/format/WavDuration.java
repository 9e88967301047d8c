package org.switchboard.audio.format;

import java.io.IOException;

/** WAV (RIFF/WAVE): the duration is the size of the data chunk divided by the byte rate of the fmt chunk. */
final class WavDuration {

    private WavDuration() {
    }

    static long millis(AudioFile in) throws IOException, AudioFormatException {
        in.seek(12);
        long byteRate = 0;
        while (in.remaining() >= 8) {
            String id = in.ascii(4);
            long size = in.u32le();
            if (id.equals("fmt ")) {
                in.skip(8); // format tag, channels, sample rate
                byteRate = in.u32le();
                in.skip(Math.max(0, size - 12) + (size & 1));
            } else if (id.equals("data")) {
                if (byteRate == 0) {
                    throw new AudioFormatException("The WAV file has no valid format description.");
                }
                // A recorder that could not seek back writes 0 or 0xFFFFFFFF: the data runs to the end.
                long available = in.remaining();
                long bytes = size == 0 || size > available ? available : size;
                return bytes * 1000 / byteRate;
            } else {
                in.skip(size + (size & 1));
            }
        }
        throw new AudioFormatException("The WAV file contains no audio data.");
    }
}
