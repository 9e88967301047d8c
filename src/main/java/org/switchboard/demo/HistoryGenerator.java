package org.switchboard.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.Awaiting;
import org.switchboard.chat.Direction;
import org.switchboard.chat.PastChats;
import org.switchboard.chat.PastChats.PastChat;
import org.switchboard.chat.PastChats.PastMessage;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.Outcome;
import org.switchboard.contact.PastContacts;
import org.switchboard.contact.PastContacts.PastContact;
import org.switchboard.contact.PastContacts.PastEvent;
import org.switchboard.contact.WrapUpEndedBy;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;

/**
 * Plausible past contacts and their events for the demo: busy weekdays, quiet weekends, business
 * hours with morning and afternoon peaks, the usual mix of outcomes, direct calls, and campaign calls
 * returning abandoned ones, and chats with their messages and a tag, so the chat history has
 * conversations to search. Written through the contact and chat modules' bulk writes (JDBC batches), so
 * weeks of history take a few seconds.
 */
@Component
class HistoryGenerator {

    private static final Logger log = LoggerFactory.getLogger(HistoryGenerator.class);
    private static final int[] HOUR_WEIGHTS = {0, 0, 0, 0, 0, 0, 0, 1, 4, 8, 10, 9, 6, 7, 9, 8, 6, 4, 2, 1, 0, 0, 0, 0};
    private static final int BATCH = 2_000;

    /** A past chat: its tag and the exchange, the customer first, then agent and customer in turn. */
    private record Exchange(String tag, List<String> lines) {
    }

    private static final List<Exchange> EXCHANGES = List.of(
            new Exchange("delivery", List.of("Hi, my order from Monday still hasn't arrived.",
                    "Sorry about the wait! Could you send me the order number?", "It's 48213.",
                    "Thanks. It left our warehouse yesterday and will be with you tomorrow before noon.",
                    "Great, thank you!")),
            new Exchange("billing", List.of("I was charged twice for my last invoice.",
                    "I'm sorry about that. Let me check your account.",
                    "I can see the double payment: the second one is refunded today, 3 to 5 days on your card.",
                    "Perfect, thanks for the quick help.")),
            new Exchange("returns", List.of("How do I return a jacket that doesn't fit?",
                    "You can return it within 30 days. I'm sending you a free return label now.",
                    "Got it. Do I need the original box?", "No, any sturdy bag or box is fine.")),
            new Exchange("account", List.of("I can't sign in to my account anymore.",
                    "Let's fix that. I've sent a password reset link to the e-mail address on file.",
                    "Found it, I'm in now. Thanks!")),
            new Exchange("product question", List.of("Does the X200 kettle have an auto shut-off?",
                    "Yes: it switches off when the water boils, and when it is lifted off the base.",
                    "Nice, I'll order one.")));

    private final PastContacts pastContacts;
    private final PastChats pastChats;
    private final QueueService queues;
    private final Clock clock;

    HistoryGenerator(PastContacts pastContacts, PastChats pastChats, QueueService queues, Clock clock) {
        this.pastContacts = pastContacts;
        this.pastChats = pastChats;
        this.queues = queues;
        this.clock = clock;
    }

    record Totals(int contacts, int events) {
    }

    /** Fills the days from {@code first} to {@code last} unless any of them already has contacts. */
    @Transactional
    public Totals generateIfAbsent(LocalDate first, LocalDate last, long seed) {
        ZoneId zone = clock.getZone();
        if (pastContacts.anyCreated(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant())) {
            return new Totals(0, 0);
        }
        return generate(first, last, new Random(seed));
    }

    private Totals generate(LocalDate first, LocalDate last, Random random) {
        long started = System.nanoTime();
        ZoneId zone = clock.getZone();
        Batch batch = new Batch(pastContacts.nextId());
        List<QueueInfo> all = queues.findAll();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            List<Long> everyAgent = new ArrayList<>();
            for (QueueInfo queue : all) {
                List<Long> agents = queues.usersOf(queue.id(), AssignmentRole.AGENT);
                everyAgent.addAll(agents);
                if (agents.isEmpty() || queue.kind() == QueueKind.CAMPAIGN) {
                    continue;
                }
                int volume = queue.kind() == QueueKind.CALL ? (weekend ? 12 + random.nextInt(15) : 80 + random.nextInt(60))
                        : (weekend ? 5 + random.nextInt(8) : 30 + random.nextInt(25));
                for (int i = 0; i < volume; i++) {
                    Instant arrival = arrival(day, zone, random);
                    long id = queueContact(batch, queue, agents, arrival, random);
                    if (id < 0) {
                        campaignReturn(batch, all, queue, -id, arrival, random);
                    }
                }
            }
            for (Long agent : everyAgent.stream().distinct().toList()) {
                int direct = weekend ? random.nextInt(2) : 2 + random.nextInt(5);
                for (int i = 0; i < direct; i++) {
                    directCall(batch, agent, arrival(day, zone, random), random.nextBoolean(), random);
                }
            }
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY || day.equals(last)) {
                batch.flush();
                log.info("Demo history: {} contacts up to {} ({} ms)", batch.contacts, day, (System.nanoTime() - started) / 1_000_000);
            }
        }
        batch.flush();
        return new Totals(batch.contacts, batch.events);
    }

    /** A call or chat in its queue; returns minus its id when it was an abandoned call (for campaigns). */
    private long queueContact(Batch batch, QueueInfo queue, List<Long> agents, Instant created, Random random) {
        boolean chat = queue.kind() == QueueKind.CHAT;
        ContactType type = chat ? ContactType.CHAT : random.nextInt(12) == 0 ? ContactType.CALLBACK_REQUEST : ContactType.INBOUND_CALL;
        Channel channel = chat ? new Channel[] {Channel.WEBCHAT, Channel.SMS, Channel.FACEBOOK, Channel.INSTAGRAM}[random.nextInt(4)]
                : Channel.VOICE;
        int roll = random.nextInt(100);
        long id = batch.nextId++;
        String customer = "Customer " + (1000 + random.nextInt(9000));
        String address = "+1555" + (1_000_000 + random.nextInt(8_999_999));
        if (roll < (chat ? 5 : 10) && type != ContactType.CALLBACK_REQUEST) {
            Instant left = created.plusSeconds(5 + random.nextInt(queue.settings().maxWaitSeconds() / 2));
            batch.contact(new PastContact(id, type, channel, queue.id(), Outcome.ABANDONED, customer, address, null, null,
                    created, null, null, null, left, null, null));
            batch.event(id, created, "CREATED", null);
            batch.event(id, left, "ABANDONED", null);
            if (chat) {
                Exchange exchange = EXCHANGES.get(random.nextInt(EXCHANGES.size()));
                batch.chat(id, null, exchange.tag(), List.of(exchange.lines().getFirst()), created, created);
            }
            return type == ContactType.INBOUND_CALL ? -id : id;
        }
        if (!chat && roll < 13) {
            Instant out = created.plusSeconds(queue.settings().maxWaitSeconds());
            batch.contact(new PastContact(id, type, channel, queue.id(), Outcome.TIMED_OUT, customer, address, null, null,
                    created, null, null, null, out, null, null));
            batch.event(id, created, "CREATED", null);
            batch.event(id, out, "TIMED_OUT", null);
            return id;
        }
        long agent = agents.get(random.nextInt(agents.size()));
        handled(batch, id, type, channel, queue, agent, customer, address, null, created, random, Outcome.HANDLED);
        return id;
    }

    private void handled(Batch batch, long id, ContactType type, Channel channel, QueueInfo queue, long agent, String customer,
            String address, Long source, Instant created, Random random, Outcome outcome) {
        boolean chat = type == ContactType.CHAT;
        Instant offered = created.plusSeconds(random.nextInt(random.nextInt(10) == 0 ? 180 : 40));
        Instant answered = offered.plusSeconds(2 + random.nextInt(10));
        Instant ended = answered.plusSeconds(60 + random.nextInt(540));
        int wrap = queue.settings().wrapUpSeconds() > 0 ? queue.settings().wrapUpSeconds() : 20 + random.nextInt(40);
        Instant wrapEnded = chat ? ended : ended.plusSeconds(Math.min(wrap, 5 + random.nextInt(wrap + 1)));
        boolean connected = outcome == Outcome.HANDLED;
        batch.contact(new PastContact(id, type, channel, queue.id(), outcome, customer, address, agent, source, created, offered,
                answered, connected ? answered : null, ended, wrapEnded, chat ? null : WrapUpEndedBy.AGENT));
        batch.event(id, created, "CREATED", null);
        batch.event(id, offered, "OFFERED", agent);
        batch.event(id, answered, "ACCEPTED", agent);
        batch.event(id, ended, chat ? "RESOLVED" : "ENDED_BY_AGENT", agent);
        if (chat) {
            Exchange exchange = EXCHANGES.get(random.nextInt(EXCHANGES.size()));
            batch.chat(id, agent, exchange.tag(), exchange.lines(), created, ended);
        } else {
            batch.event(id, wrapEnded, "WRAP_UP_ENDED", agent);
        }
    }

    private void campaignReturn(Batch batch, List<QueueInfo> all, QueueInfo source, long abandonedId, Instant abandonedAt,
            Random random) {
        for (QueueInfo campaign : all) {
            if (campaign.kind() == QueueKind.CAMPAIGN && campaign.sourceQueueIds().contains(source.id())) {
                List<Long> agents = queues.usersOf(campaign.id(), AssignmentRole.AGENT);
                if (agents.isEmpty()) {
                    continue;
                }
                long id = batch.nextId++;
                Instant created = abandonedAt.plusSeconds(60);
                handled(batch, id, ContactType.CAMPAIGN_CALL, Channel.VOICE, campaign, agents.get(random.nextInt(agents.size())),
                        "Customer", "+15550100", abandonedId, created.plusSeconds(600 + random.nextInt(3600)), random,
                        random.nextInt(10) < 7 ? Outcome.HANDLED : Outcome.INCOMPLETE);
            }
        }
    }

    private void directCall(Batch batch, long agent, Instant at, boolean outbound, Random random) {
        long id = batch.nextId++;
        Instant ended = at.plusSeconds(30 + random.nextInt(400));
        ContactType type = outbound ? ContactType.DIRECT_CALL_OUT : ContactType.DIRECT_CALL_IN;
        batch.contact(new PastContact(id, type, Channel.VOICE, null, Outcome.HANDLED, null,
                "+1555" + (1_000_000 + random.nextInt(8_999_999)), agent, null, at, outbound ? null : at,
                at.plusSeconds(outbound ? 0 : 4), at.plusSeconds(outbound ? 6 : 4), ended, ended, null));
        batch.event(id, at, outbound ? "DIALED" : "OFFERED", agent);
        batch.event(id, ended, "ENDED_BY_AGENT", agent);
    }

    private static Instant arrival(LocalDate day, ZoneId zone, Random random) {
        int total = 0;
        for (int weight : HOUR_WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        int hour = 0;
        while (pick >= HOUR_WEIGHTS[hour]) {
            pick -= HOUR_WEIGHTS[hour++];
        }
        return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant();
    }

    /** Rows waiting to be written; flushed through the owners' bulk writes. */
    private final class Batch {
        long nextId;
        int contacts;
        int events;
        final List<PastContact> contactRows = new ArrayList<>();
        final List<PastEvent> eventRows = new ArrayList<>();
        final List<PastChat> chats = new ArrayList<>();

        Batch(long firstId) {
            nextId = firstId;
        }

        void contact(PastContact contact) {
            contactRows.add(contact);
            contacts++;
            if (contactRows.size() >= BATCH) {
                flush();
            }
        }

        void event(long contactId, Instant at, String type, Long agent) {
            eventRows.add(new PastEvent(contactId, at, type, agent));
            events++;
        }

        /**
         * The chat's conversation, its messages spread from {@code first} to {@code last} (customer
         * first, then agent and customer in turn; only the customer's line when no agent took it) and its tag.
         */
        void chat(long id, Long agent, String tag, List<String> lines, Instant first, Instant last) {
            long step = lines.size() < 2 ? 0 : Math.max(1, (last.getEpochSecond() - first.getEpochSecond()) / (lines.size() - 1));
            List<PastMessage> messages = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                boolean fromAgent = i % 2 == 1;
                messages.add(new PastMessage(fromAgent ? Direction.OUT : Direction.IN, lines.get(i), fromAgent ? agent : null,
                        first.plusSeconds(step * i)));
            }
            boolean agentLast = lines.size() % 2 == 0;
            chats.add(new PastChat(id, agentLast ? Awaiting.CUSTOMER : Awaiting.AGENT, messages.getLast().sentAt(), messages, tag));
        }

        void flush() {
            pastContacts.write(contactRows, eventRows);
            pastChats.write(chats);
            contactRows.clear();
            eventRows.clear();
            chats.clear();
        }
    }
}
