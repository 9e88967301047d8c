package org.switchboard.chat;

import java.time.LocalDate;

/** A search of resolved chats; every part is optional. Dates are days in the server's zone, inclusive. */
public record ChatHistoryQuery(String customer, String tag, LocalDate from, LocalDate to) {
}
