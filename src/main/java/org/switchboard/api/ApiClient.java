package org.switchboard.api;

/** The principal of a request authenticated with an API key. */
public record ApiClient(long keyId, String name) {
}
