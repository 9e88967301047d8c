package org.switchboard.api;

import java.util.Base64;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.InboundMessage;
import org.switchboard.chat.NewAttachment;
import org.switchboard.contact.Channel;

/**
 * Customer messages from SMS/MMS, Facebook and Instagram providers, in one JSON shape (the provider
 * adapter in front of this app translates each provider's payload):
 * <pre>{@code
 * {"channel": "SMS", "queue": "Messaging", "from": "+15550100", "customerName": "Ada",
 *  "messageId": "provider-msg-1", "text": "Hi",
 *  "attachments": [{"fileName": "photo.jpg", "data": "<base64>"}]}
 * }</pre>
 */
@RestController
class WebhooksApi {

    static final String PATH = "/api/v1/webhooks/chat";

    record Attachment(String fileName, String data) {
    }

    record ChannelMessage(Channel channel, String queue, String from, String customerName, String messageId, String text,
            List<Attachment> attachments) {
    }

    record Accepted(long contactId, boolean startedChat, boolean duplicate) {
    }

    private final ChatService chats;
    private final ApiProperties properties;

    WebhooksApi(ChatService chats, ApiProperties properties) {
        this.chats = chats;
        this.properties = properties;
    }

    /** Every endpoint here needs the CHATS scope. */
    @ModelAttribute
    void requireScope(@AuthenticationPrincipal ApiClient client) {
        client.require(ApiScope.CHATS);
    }

    /** 201 when the message started a chat, 200 when it joined one or was a retry of a stored message. */
    @PostMapping(PATH)
    ResponseEntity<Accepted> receive(@RequestBody ChannelMessage body) {
        properties.checkTextLength(body.text());
        List<NewAttachment> images = body.attachments() == null ? List.of()
                : body.attachments().stream().map(WebhooksApi::decode).toList();
        var received = chats.receive(new InboundMessage(body.channel(), body.queue(), body.from(), body.customerName(),
                body.text(), body.messageId(), images));
        return ResponseEntity.status(received.startedChat() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Accepted(received.contactId(), received.startedChat(), received.duplicate()));
    }

    private static NewAttachment decode(Attachment attachment) {
        if (attachment == null || attachment.data() == null) {
            throw ApiErrors.Refused.badRequest("An attachment needs its data (base64).");
        }
        try {
            return new NewAttachment(attachment.fileName(), Base64.getDecoder().decode(attachment.data().replaceAll("\\s", "")));
        } catch (IllegalArgumentException e) {
            throw ApiErrors.Refused.badRequest("An attachment's data is not valid base64.");
        }
    }
}
