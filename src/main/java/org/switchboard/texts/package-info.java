/**
 * Pre-saved text messages: personal and public libraries with shortcuts, categories and
 * placeholders. {@link org.switchboard.texts.TextMessageService} is the API;
 * {@link org.switchboard.texts.TextMessagePicker} and {@link org.switchboard.texts.ShortcutSuggestions}
 * are components a chat screen embeds.
 */
package org.switchboard.texts;
