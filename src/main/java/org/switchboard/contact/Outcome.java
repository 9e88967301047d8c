package org.switchboard.contact;

public enum Outcome {
    /** Talked to and finished. */
    HANDLED,
    /** The customer left while waiting. */
    ABANDONED,
    /** Waited past the queue's maximum. */
    TIMED_OUT,
    /** A callback or campaign call that did not reach the customer. */
    INCOMPLETE,
    /** A direct call nobody answered. */
    MISSED
}
