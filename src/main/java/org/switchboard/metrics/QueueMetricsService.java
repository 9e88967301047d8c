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
import org.switchboard.metrics.data.MetricsQueries;
import org.switchboard.metrics.data.MetricsQueries.Today;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;

/** Live queue figures for the dashboard cards, the supervisor and the API: a few grouped queries for any number of queues. */
@Service
@PreAuthorize("isAuthenticated()")
public class QueueMetricsService {

    private final MetricsQueries queries;
    private final QueueService queues;
    private final ChatService chats;
    private final Clock clock;

    QueueMetricsService(MetricsQueries queries, QueueService queues, ChatService chats, Clock clock) {
        this.queries = queries;
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
        Map<Long, MetricsQueries.Live> live = queries.live(queueIds);
        Map<Long, Integer> loggedIn = queries.agentsLoggedIn(queueIds);
        Map<Long, Today> today = queries.today(queueIds, dayStart, dayEnd);
        Map<Long, ChatFigures> chatFigures = chats.figures(infos.values().stream()
                .filter(q -> q.kind() == QueueKind.CHAT).map(QueueInfo::id).toList());
        for (Long id : queueIds) {
            QueueInfo queue = infos.get(id);
            if (queue == null) {
                continue;
            }
            MetricsQueries.Live now_ = live.getOrDefault(id, new MetricsQueries.Live(0, null, 0));
            Today t = today.getOrDefault(id, Today.EMPTY);
            int sl = queue.settings().serviceLevelSeconds();
            Today withSl = queries.serviceLevel(id, dayStart, dayEnd, sl);
            int slDenominator = withSl.answered() + withSl.abandonedAfterThreshold() + t.timedOut();
            double serviceLevel = slDenominator == 0 ? -1 : (double) withSl.answeredWithinThreshold() / slDenominator;
            ChatFigures chat = chatFigures.getOrDefault(id, ChatFigures.NONE);
            int ended = t.handled() + t.abandoned() + t.timedOut() + t.incomplete();
            result.put(id, new QueueMetrics(id, queue.name(), queue.kind(), now_.waiting(), loggedIn.getOrDefault(id, 0),
                    now_.oldestQueuedAt() == null ? Duration.ZERO : Duration.between(now_.oldestQueuedAt(), now),
                    Duration.ofMillis(t.averageHandleMillis()), t.created(), t.handled(), t.abandoned(), t.timedOut(),
                    t.incomplete(), serviceLevel, Duration.ofMillis(withSl.averageAnswerMillis()),
                    ended == 0 ? 0 : (double) t.abandoned() / ended, now_.openChats(),
                    t.created() == 0 ? 0 : (double) t.dialed() / t.created(), chat.awaitingAgent(), chat.awaitingCustomer(),
                    chat.longestAgentReplyWait()));
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
        Map<Integer, int[]> counts = queries.createdByHour(queueId, dayStart, now);
        int hours = (int) Duration.between(dayStart, now).toHours() + 1;
        List<HourlyContacts> result = new ArrayList<>(hours);
        for (int h = 0; h < hours; h++) {
            int[] c = counts.getOrDefault(h, new int[MetricsQueries.OUTCOME_COLUMNS]);
            LocalTime label = dayStart.plus(Duration.ofHours(h)).atZone(zone).toLocalTime();
            result.add(new HourlyContacts(label, c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public QueueMetrics metrics(long queueId) {
        QueueMetrics metrics = load(List.of(queueId)).get(queueId);
        if (metrics == null) {
            throw new org.switchboard.common.NotFoundException("No queue " + queueId + ".");
        }
        return metrics;
    }
}
