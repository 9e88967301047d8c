package org.switchboard.contact;

public enum WrapUpEndedBy {
    TIME, AGENT, SUPERVISOR
}
