package org.switchboard.contact;

public enum ContactState {
    QUEUED, OFFERED, CONNECTED, WRAP_UP, ENDED;

    public boolean isOpen() {
        return this != ENDED;
    }
}
