package org.switchboard.chat.ui;


import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.switchboard.common.Formats;
import org.switchboard.chat.ChatMessage;

/**
 * One chat message as a bubble: author, time and the text, always set as text (never HTML). The
 * reader's own messages sit on the right.
 */
class MessageBubble extends Div {

    private final Div head;

    MessageBubble(ChatMessage message, String author, boolean own, Formats formats) {
        Span who = new Span(author);
        who.addClassName("msg-author");
        Span time = new Span(formats.time(message.sentAt()));
        time.addClassName("msg-time");
        head = new Div(who, time);
        head.addClassName("msg-head");
        Paragraph body = new Paragraph();
        body.setText(message.body());
        body.addClassName("msg-body");
        add(head, body);
        addClassNames("msg", own ? "msg-out" : "msg-in");
    }

    /** A note beside the time, such as the reply's delivery state. */
    void note(String text, String className) {
        Span note = new Span(text);
        note.addClassNames("msg-delivery", className);
        head.add(note);
    }
}
