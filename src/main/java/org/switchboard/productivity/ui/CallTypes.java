package org.switchboard.productivity.ui;

/** The three call types' names, the same on widgets, chart, table and CSV. */
final class CallTypes {

    static final String QUEUE_ANSWERED = "Queue calls you have answered";
    static final String NON_QUEUE_ANSWERED = "Non-queue calls you have answered";
    static final String NON_QUEUE_MADE = "Non-queue calls that you have made";

    private CallTypes() {
    }
}
