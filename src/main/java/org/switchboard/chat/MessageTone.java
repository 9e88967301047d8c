package org.switchboard.chat;

/**
 * How a user hears a new chat or a customer's message: whether a tone plays, which one, and how loud.
 *
 * @param volume 0 (silent) to 100 (the loudest the page plays)
 */
public record MessageTone(boolean on, Sound sound, int volume) {

    /** Off, the chime, at 60: what a user who never chose hears when turning the tone on. */
    public static final MessageTone DEFAULT = new MessageTone(false, Sound.CHIME, 60);

    /** The tones the browser synthesizes (frontend/sb-clock.js, {@code sbMessageTone}). */
    public enum Sound {
        CHIME, BELL, TWO_NOTES, SOFT;

        /** The bundle key of its name on screen. */
        public String key() {
            return "chat.tone." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
