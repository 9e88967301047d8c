package org.switchboard.productivity.ui;

/** The three call types' names, the same on widgets, chart, table and CSV. */
final class CallTypes {

    static final String QUEUE_ANSWERED = "Queue calls answered";
    static final String NON_QUEUE_ANSWERED = "Non-queue calls answered";
    static final String NON_QUEUE_MADE = "Non-queue calls made";

    private CallTypes() {
    }
}
