package org.switchboard.productivity;

/** An agent whose figures the signed-in user may open. */
public record AgentChoice(long id, String displayName) {
}
