package org.switchboard.chat;

import java.util.Locale;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.switchboard.contact.Channel;

/** The channel bubble of a chat: SMS, Webchat, Facebook or Instagram, with its icon. */
public class ChannelBadge extends Span {

    public ChannelBadge(Channel channel) {
        add(icon(channel).create(), new Span(getTranslation(key(channel))));
        addClassNames("channel-badge", "channel-" + channel.name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("theme", "badge pill");
    }

    /** The bundle key of the channel's name: SMS, Webchat, Facebook, Instagram, or Call for voice. */
    public static String key(Channel channel) {
        return "chat.channel." + channel.name().toLowerCase(Locale.ROOT);
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
