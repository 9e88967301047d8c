package org.switchboard.agent;

/** A pause or logout asked for during a contact, applied when the contact and its wrap-up end. */
public record PendingChange(GlobalAction action, Long pauseReasonId, String pauseReason) {
}
