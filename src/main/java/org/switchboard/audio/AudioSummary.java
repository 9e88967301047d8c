package org.switchboard.audio;

import java.time.Duration;

/** What an audio file turned out to be, measured from its content. */
public record AudioSummary(AudioFormat format, Duration duration, long sizeBytes) {
}
