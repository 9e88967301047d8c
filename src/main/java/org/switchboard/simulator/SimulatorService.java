package org.switchboard.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.switchboard.chat.ChatService;
import org.switchboard.cluster.JobLease;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.SystemUser;

/**
 * Live traffic through the same services as real traffic: Poisson arrivals per queue, callers who
 * give up while waiting, and (for load tests) simulated agents that accept, talk and end wrap-up.
 * Only its own schedule (who hangs up when) lives in memory; every contact is in the database.
 */
@Service
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorService {

    private static final String JOB = "simulator";
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);
    private static final String[] NAMES = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Linus Pauling", "Marie Curie",
            "Nikola Tesla", "Rosalind Franklin", "Katherine Johnson", "Tim Berners-Lee", "Hedy Lamarr"};
    private static final Channel[] CHAT_CHANNELS = {Channel.WEBCHAT, Channel.SMS, Channel.FACEBOOK, Channel.INSTAGRAM};
    private static final String[] OPENINGS = {"Hi, where is my order?", "Do you ship to Canada?",
            "I need to change my delivery address.", "Can I get a refund for a damaged item?", "What are your opening hours?"};
    private static final String[] REPLIES = {"Thanks!", "The order number is 4711.", "Is anyone there?",
            "OK, that works for me.", "Could you check again, please?"};

    private final ContactService contacts;
    private final ChatService chats;
    private final QueueService queues;
    private final SimulatorProperties properties;
    private final Clock clock;
    private final JobLease lease;
    private final Random random;
    private final Map<String, Double> rates = new ConcurrentHashMap<>();
    private final Map<Long, Instant> hangUps = new ConcurrentHashMap<>();
    private final Map<Long, Instant> customerReplies = new ConcurrentHashMap<>();
    private final Map<Long, Instant> agentSteps = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean simulateAgents;
    private Instant lastTick;

    @Autowired
    SimulatorService(ContactService contacts, ChatService chats, QueueService queues, SimulatorProperties properties, Clock clock,
            JobLease lease) {
        this(contacts, chats, queues, properties, clock, lease, new Random());
    }

    SimulatorService(ContactService contacts, ChatService chats, QueueService queues, SimulatorProperties properties, Clock clock,
            JobLease lease, Random random) {
        this.contacts = contacts;
        this.chats = chats;
        this.queues = queues;
        this.properties = properties;
        this.clock = clock;
        this.lease = lease;
        this.random = random;
        if (properties.ratesPerHour() != null) {
            rates.putAll(properties.ratesPerHour());
        }
        this.simulateAgents = properties.simulateAgents();
    }

    /** What the admin screen shows: the arrival rates of the call and chat queues (campaigns get none). */
    public record Status(boolean running, boolean simulateAgents, Map<String, Double> ratesPerHour, int scheduledHangUps) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void autoStart() {
        if (properties.autoStart()) {
            running = true;
            log.info("Traffic simulator started ({} arrivals per hour per queue unless configured)", properties.defaultRatePerHour());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Status status() {
        Map<String, Double> current = new java.util.TreeMap<>();
        for (QueueInfo queue : queues.findAll()) {
            if (queue.kind() != QueueKind.CAMPAIGN) {
                current.put(queue.name(), rate(queue));
            }
        }
        return new Status(running, simulateAgents, current, hangUps.size());
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void start(boolean withAgents) {
        simulateAgents = withAgents;
        lastTick = null;
        running = true;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void stop() {
        running = false;
        lease.release(JOB);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void setRate(String queueName, double perHour) {
        QueueInfo queue = queues.findByName(queueName)
                .orElseThrow(() -> new ValidationException("simulator.error.no-such-queue", queueName));
        if (queue.kind() == QueueKind.CAMPAIGN) {
            throw new ValidationException("simulator.error.campaign");
        }
        if (perHour < 0 || perHour > 36_000) {
            throw new ValidationException("simulator.error.rate");
        }
        rates.put(queueName, perHour);
    }

    /**
     * A caller dials an agent's extension directly, past every queue, as the telephony platform would
     * put it through: it rings that agent (or is missed at once when the agent is busy).
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ContactView callLine(String line) {
        return contacts.named(contacts.callLine(line, randomPhone(), NAMES[random.nextInt(NAMES.length)]));
    }

    /**
     * Runs on the one node that holds the simulator's lease: with several nodes each started (or
     * auto-started) simulator would otherwise add its own arrivals. The lease outlives a few ticks, so a
     * dead holder's traffic resumes on another running node within {@link #LEASE}.
     */
    @Scheduled(fixedDelayString = "${switchboard.simulator.tick:1s}")
    void scheduledTick() {
        if (running && lease.hold(JOB, LEASE)) {
            try {
                SystemUser.run(this::tick);
            } catch (RuntimeException e) {
                log.warn("Simulator tick failed", e);
            }
        }
    }

    /** One step: arrivals since the last step, due hang-ups, and the simulated agents' next moves. */
    void tick() {
        Instant now = clock.instant();
        Duration elapsed = lastTick == null ? properties.tick() : Duration.between(lastTick, now);
        lastTick = now;
        for (QueueInfo queue : queues.findAll()) {
            if (queue.kind() == QueueKind.CAMPAIGN) {
                continue; // campaigns are fed by abandoned calls, not by arrivals
            }
            int arrivals = poisson(rate(queue) * elapsed.toMillis() / 3_600_000.0);
            for (int i = 0; i < arrivals; i++) {
                arrive(queue, now);
            }
        }
        hangUpDue(now);
        customersReply(now);
        if (simulateAgents) {
            playAgents(now);
        }
    }

    private void arrive(QueueInfo queue, Instant now) {
        String name = NAMES[random.nextInt(NAMES.length)];
        NewContact contact = queue.kind() == QueueKind.CHAT
                ? new NewContact(queue.name(), ContactType.CHAT, CHAT_CHANNELS[random.nextInt(CHAT_CHANNELS.length)], name,
                        randomPhone())
                : new NewContact(queue.name(), random.nextInt(10) == 0 ? ContactType.CALLBACK_REQUEST : ContactType.INBOUND_CALL,
                        Channel.VOICE, name, randomPhone());
        ContactView created = contact.type() == ContactType.CHAT
                ? chats.start(contact, OPENINGS[random.nextInt(OPENINGS.length)]) : contacts.create(contact);
        if (contact.type() == ContactType.CHAT) {
            customerReplies.put(created.id(), now.plus(replyDelay()));
        }
        if (contact.type() == ContactType.INBOUND_CALL && random.nextDouble() < properties.abandonShare()) {
            hangUps.put(created.id(), now.plusSeconds(10 + random.nextInt(80)));
        }
    }

    private String randomPhone() {
        return "+1555" + (1_000_000 + random.nextInt(8_999_999));
    }

    private void hangUpDue(Instant now) {
        for (var entry : new ArrayList<>(hangUps.entrySet())) {
            if (!entry.getValue().isAfter(now)) {
                hangUps.remove(entry.getKey());
                ContactView contact = contacts.get(entry.getKey());
                if (contact.state() == ContactState.QUEUED || contact.state() == ContactState.OFFERED) {
                    ignoreConflict(() -> contacts.customerLeft(contact.id()));
                }
            }
        }
    }

    /** Chat customers write again now and then while their chat is open. */
    private void customersReply(Instant now) {
        for (var entry : new ArrayList<>(customerReplies.entrySet())) {
            if (entry.getValue().isAfter(now)) {
                continue;
            }
            ContactState state = contacts.get(entry.getKey()).state();
            if (state == ContactState.ENDED || state == ContactState.WRAP_UP) {
                customerReplies.remove(entry.getKey());
            } else {
                ignoreConflict(() -> chats.customerWrites(entry.getKey(), REPLIES[random.nextInt(REPLIES.length)]));
                customerReplies.put(entry.getKey(), now.plus(replyDelay()));
            }
        }
    }

    private Duration replyDelay() {
        return Duration.ofSeconds(20 + random.nextInt(70));
    }

    /** Simulated agents: accept after a moment, talk around the average talk time, end wrap-up soon after. */
    private void playAgents(Instant now) {
        List<Long> agentIds = new ArrayList<>();
        for (QueueInfo queue : queues.findAll()) {
            agentIds.addAll(queues.usersOf(queue.id(), org.switchboard.queue.AssignmentRole.AGENT));
        }
        agentIds.stream().distinct().forEach(agentId -> {
            for (ContactView contact : contacts.currentContactsOf(agentId)) {
                if (contact.agentUsername() == null || !contact.agentUsername().startsWith(properties.agentPrefix())) {
                    continue;
                }
                Instant due = agentSteps.computeIfAbsent(contact.id() * 10 + contact.state().ordinal(),
                        k -> now.plus(stepDelay(contact.state())));
                if (!due.isAfter(now)) {
                    agentSteps.remove(contact.id() * 10 + contact.state().ordinal());
                    ignoreConflict(() -> {
                        switch (contact.state()) {
                            case OFFERED -> contacts.accept(agentId, contact.id());
                            case CONNECTED -> contacts.end(agentId, contact.id());
                            case WRAP_UP -> contacts.endWrapUp(agentId);
                            default -> {
                            }
                        }
                    });
                }
            }
        });
    }

    private Duration stepDelay(ContactState state) {
        return switch (state) {
            case OFFERED -> Duration.ofSeconds(1 + random.nextInt(3));
            case CONNECTED -> Duration.ofMillis((long) (properties.talkTime().toMillis() * (0.5 + random.nextDouble())));
            default -> Duration.ofSeconds(2 + random.nextInt(5));
        };
    }

    private double rate(QueueInfo queue) {
        return rates.getOrDefault(queue.name(), properties.defaultRatePerHour());
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static void ignoreConflict(Runnable action) {
        try {
            action.run();
        } catch (ConflictException moved) {
            // A real agent or the timers moved the contact on first.
        }
    }
}
