package org.switchboard.chat;

/** An image as a channel delivered it; its type is checked from the bytes, not from what the sender claims. */
public record NewAttachment(String fileName, byte[] content) {
}
