package org.switchboard.audio;

/** The audio formats the library accepts, with the content type the browser gets. */
public enum AudioFormat {
    WAV("audio/wav"),
    MP3("audio/mpeg"),
    OGG("audio/ogg"),
    WEBM("audio/webm");

    private final String contentType;

    AudioFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
