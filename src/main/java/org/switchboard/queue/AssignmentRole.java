package org.switchboard.queue;

/** An agent takes a queue's contacts; a supervisor watches the queue and its agents. */
public enum AssignmentRole {
    AGENT, SUPERVISOR
}
