package org.switchboard.contact;

public enum Channel {
    VOICE, SMS, WEBCHAT, FACEBOOK, INSTAGRAM
}
