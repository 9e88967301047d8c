package org.switchboard.demo;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;
import org.switchboard.texts.TextMessageForm;
import org.switchboard.texts.TextMessageService;

/**
 * Demo mode: public pre-saved text messages (/hours, /thanks, /hold, /bye) and two personal ones for
 * agent1. Runs after {@link DemoData} and only while the public /hours message does not exist yet, so
 * on the first start (or the first start of a demo database created before this feature).
 */
@Component
@Conditional(DemoModeCondition.class)
@Order(60)
class DemoTexts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTexts.class);

    private final TextMessageService texts;
    private final UserService users;

    DemoTexts(TextMessageService texts, UserService users) {
        this.texts = texts;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemUser.run(() -> {
            boolean seeded = texts.list("/hours", null).stream()
                    .anyMatch(m -> m.isPublic() && m.shortcut().equals("/hours"));
            if (seeded) {
                return;
            }
            texts.create(new TextMessageForm("Opening hours", "/hours", Set.of("General"),
                    "Hi {customer.name}, we are open Monday to Friday from 8:00 to 18:00 and on Saturday from 9:00 to 13:00.",
                    true));
            texts.create(new TextMessageForm("Thank you", "/thanks", Set.of("General", "Closing"),
                    "Thank you for contacting us, {customer.name}. Have a great day!", true));
            texts.create(new TextMessageForm("Please hold", "/hold", Set.of("General"),
                    "Please hold on a moment, {customer.name}, while I check this for you.", true));
            texts.create(new TextMessageForm("Goodbye", "/bye", Set.of("Closing"),
                    "Is there anything else I can help you with? Otherwise: goodbye from the {queue.name} team.", true));
            UserSummary agent1 = users.findByUsername("agent1").orElse(null);
            if (agent1 != null) {
                as(agent1, () -> {
                    texts.create(new TextMessageForm("My greeting", "/hi", Set.of("Openers"),
                            "Hi {customer.name}, I am {agent.name}. How can I help you today?", false));
                    texts.create(new TextMessageForm("Order number", "/order", Set.of("Orders"),
                            "Could you give me your order number, please? It starts with SB- and is in your confirmation e-mail.",
                            false));
                });
            }
            log.info("Demo pre-saved text messages created.");
        });
    }

    private static void as(UserSummary user, Runnable work) {
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.displayName(), "", true, user.roles());
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
