package org.switchboard.chat;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.switchboard.contact.Channel;

/** The channel bubble of a chat: SMS, Webchat, Facebook or Instagram, with its icon. */
public class ChannelBadge extends Span {

    public ChannelBadge(Channel channel) {
        add(icon(channel).create(), new Span(label(channel)));
        addClassNames("channel-badge", "channel-" + channel.name().toLowerCase());
        getElement().setAttribute("theme", "badge pill");
    }

    public static String label(Channel channel) {
        return switch (channel) {
            case SMS -> "SMS";
            case WEBCHAT -> "Webchat";
            case FACEBOOK -> "Facebook";
            case INSTAGRAM -> "Instagram";
            case VOICE -> "Call";
        };
    }

    private static VaadinIcon icon(Channel channel) {
        return switch (channel) {
            case SMS -> VaadinIcon.MOBILE;
            case WEBCHAT -> VaadinIcon.CHAT;
            case FACEBOOK -> VaadinIcon.FACEBOOK_SQUARE;
            case INSTAGRAM -> VaadinIcon.CAMERA;
            case VOICE -> VaadinIcon.PHONE;
        };
    }
}
