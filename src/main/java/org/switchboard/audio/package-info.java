/**
 * Pre-recorded audio messages: a shared library (record in the browser or upload; WAV, MP3, OGG,
 * WebM; checked by content and measured on the server) stored in MariaDB, and their use in calls.
 * {@link org.switchboard.audio.AudioMessageService} is the API; {@link org.switchboard.audio.AudioMessagePicker}
 * ("Show Recordings") and {@link org.switchboard.audio.RecordingPlayback} are the components a call
 * screen embeds; {@link org.switchboard.audio.AudioMessagesChanged} is published after each change.
 */
package org.switchboard.audio;
