package org.switchboard.productivity.ui;

/** The bundle keys of the three call types' names, the same on widgets, chart and table (the CSV has its own). */
final class CallTypes {

    static final String QUEUE_ANSWERED = "productivity.call-type.queue-answered";
    static final String NON_QUEUE_ANSWERED = "productivity.call-type.non-queue-answered";
    static final String NON_QUEUE_MADE = "productivity.call-type.non-queue-made";

    private CallTypes() {
    }
}
