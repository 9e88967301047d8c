package org.switchboard.audio;

/** Published after commit when a message was created, changed, archived, unarchived or deleted. */
public record AudioMessagesChanged(long messageId) {
}
