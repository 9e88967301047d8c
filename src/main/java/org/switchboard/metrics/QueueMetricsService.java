package org.switchboard.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.ChatFigures;
import org.switchboard.chat.ChatService;
import org.switchboard.agent.AgentAvailability;
import org.switchboard.contact.ContactFigures;
import org.switchboard.contact.ContactFigures.Answers;
import org.switchboard.contact.ContactFigures.Day;
import org.switchboard.contact.ContactFigures.Live;
import org.switchboard.contact.ContactFigures.Outcomes;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;

/**
 * Live queue figures for the dashboard cards, the supervisor and the API: a few grouped queries for any
 * number of queues, through the modules that own the rows (contacts, agents, chats, queues).
 */
@Service
@PreAuthorize("isAuthenticated()")
public class QueueMetricsService {

    private final ContactFigures contacts;
    private final AgentAvailability agents;
    private final QueueService queues;
    private final ChatService chats;
    private final Clock clock;

    QueueMetricsService(ContactFigures contacts, AgentAvailability agents, QueueService queues, ChatService chats, Clock clock) {
        this.contacts = contacts;
        this.agents = agents;
        this.queues = queues;
        this.chats = chats;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<Long, QueueMetrics> metrics(Collection<Long> queueIds) {
        return load(queueIds);
    }

    private Map<Long, QueueMetrics> load(Collection<Long> queueIds) {
        Map<Long, QueueMetrics> result = new LinkedHashMap<>();
        if (queueIds.isEmpty()) {
            return result;
        }
        Instant now = clock.instant();
        Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        Instant dayEnd = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Map<Long, QueueInfo> infos = queues.findAllById(queueIds);
        Map<Long, Live> live = contacts.live(queueIds);
        Map<Long, Integer> loggedIn = agents.loggedInByQueue(queueIds);
        Map<Long, Day> today = contacts.day(queueIds, dayStart, dayEnd);
        Map<Long, Integer> thresholds = new LinkedHashMap<>();
        infos.values().forEach(q -> thresholds.put(q.id(), q.settings().serviceLevelSeconds()));
        Map<Long, Answers> answers = contacts.answers(thresholds, dayStart, dayEnd);
        Map<Long, ChatFigures> chatFigures = chats.figures(infos.values().stream()
                .filter(q -> q.kind() == QueueKind.CHAT).map(QueueInfo::id).toList());
        for (Long id : queueIds) {
            QueueInfo queue = infos.get(id);
            if (queue == null) {
                continue;
            }
            Live now_ = live.getOrDefault(id, Live.NONE);
            Day t = today.getOrDefault(id, Day.NONE);
            Answers withSl = answers.getOrDefault(id, Answers.NONE);
            int slDenominator = withSl.answered() + withSl.abandonedAfterThreshold() + t.timedOut();
            double serviceLevel = slDenominator == 0 ? -1 : (double) withSl.answeredWithinThreshold() / slDenominator;
            ChatFigures chat = chatFigures.getOrDefault(id, ChatFigures.NONE);
            int ended = t.handled() + t.abandoned() + t.timedOut() + t.incomplete();
            QueueMetrics.Now waiting = new QueueMetrics.Now(now_.waiting(), loggedIn.getOrDefault(id, 0),
                    now_.oldestQueuedAt() == null ? Duration.ZERO : Duration.between(now_.oldestQueuedAt(), now));
            QueueMetrics.Today day = new QueueMetrics.Today(t.created(), t.handled(), t.abandoned(), t.timedOut(), t.incomplete(),
                    Duration.ofMillis(t.averageHandleMillis()), serviceLevel, Duration.ofMillis(withSl.averageAnswerMillis()),
                    ended == 0 ? 0 : (double) t.abandoned() / ended, t.created() == 0 ? 0 : (double) t.dialed() / t.created());
            QueueMetrics.Chats load = new QueueMetrics.Chats(now_.openChats(), chat.awaitingAgent(), chat.awaitingCustomer(),
                    chat.longestAgentReplyWait());
            result.put(id, new QueueMetrics(id, queue.name(), queue.kind(), waiting, day, load));
        }
        return result;
    }

    /**
     * Today's contacts of a queue by the hour they arrived and by outcome, from midnight to the
     * current hour. Hours count from the start of the day, so a day with a clock change still
     * labels each hour by its local time.
     */
    @Transactional(readOnly = true)
    public List<HourlyContacts> todayByHour(long queueId) {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Instant dayStart = LocalDate.now(clock).atStartOfDay(zone).toInstant();
        Map<Integer, Outcomes> counts = contacts.createdByHour(queueId, dayStart, now);
        int hours = (int) Duration.between(dayStart, now).toHours() + 1;
        List<HourlyContacts> result = new ArrayList<>(hours);
        for (int h = 0; h < hours; h++) {
            Outcomes c = counts.getOrDefault(h, Outcomes.NONE);
            LocalTime label = dayStart.plus(Duration.ofHours(h)).atZone(zone).toLocalTime();
            result.add(new HourlyContacts(label, c.handled(), c.abandoned(), c.timedOut(), c.incomplete(), c.missed(), c.stillOpen()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public QueueMetrics metrics(long queueId) {
        QueueMetrics metrics = load(List.of(queueId)).get(queueId);
        if (metrics == null) {
            throw new org.switchboard.common.NotFoundException("dashboard.error.no-such-queue", queueId);
        }
        return metrics;
    }
}
