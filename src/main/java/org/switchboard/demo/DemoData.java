package org.switchboard.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.api.ApiKeyService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * Demo mode, first start: users for every role, call and chat queues, a campaign fed by the call
 * queues, assignments and pause reasons. The README lists the logins.
 */
@Component
@Conditional(DemoModeCondition.class)
@EnableConfigurationProperties(DemoProperties.class)
@Order(50)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "switchboard";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserService users;
    private final QueueService queues;
    private final PauseReasonService pauseReasons;

    private final ApiKeyService apiKeys;
    private final String demoApiKey;
    private final HistoryGenerator history;
    private final int historyWeeks;
    private final Clock clock;

    DemoData(UserService users, QueueService queues, PauseReasonService pauseReasons, ApiKeyService apiKeys,
            DemoProperties properties, HistoryGenerator history, Clock clock) {
        this.history = history;
        this.historyWeeks = properties.historyWeeks();
        this.clock = clock;
        this.users = users;
        this.queues = queues;
        this.pauseReasons = pauseReasons;
        this.apiKeys = apiKeys;
        this.demoApiKey = properties.apiKey();
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemUser.run(() -> {
            if (!demoApiKey.isBlank()) {
                apiKeys.ensure("Demo integration", demoApiKey);
            }
            if (queues.findByName("Sales").isEmpty()) {
                seed();
            }
            if (historyWeeks > 0) {
                LocalDate yesterday = LocalDate.now(clock).minusDays(1);
                long started = System.nanoTime();
                var totals = history.generateIfAbsent(yesterday.minusWeeks(historyWeeks).plusDays(1), yesterday, 7);
                if (totals.contacts() > 0) {
                    log.info("Demo history: {} weeks, {} contacts and {} events in {} ms", historyWeeks, totals.contacts(),
                            totals.events(), (System.nanoTime() - started) / 1_000_000);
                }
            }
        });
    }

    private void seed() {
        Map<String, UserSummary> people = new LinkedHashMap<>();
        user(people, "admin", "Ada Admin", List.of(), Role.ADMIN);
        user(people, "supervisor", "Sam Supervisor", List.of("1000"), Role.SUPERVISOR, Role.AGENT);
        String[][] agents = {{"agent1", "Alice Moreno"}, {"agent2", "Bruno Keller"}, {"agent3", "Chloe Tanaka"},
                {"agent4", "David Okafor"}, {"agent5", "Emma Lindqvist"}, {"agent6", "Farid Haddad"}};
        for (int i = 0; i < agents.length; i++) {
            // a desk phone and a softphone each, so the dashboard's line selector has a choice
            user(people, agents[i][0], agents[i][1], List.of("10" + (i + 11), "20" + (i + 11)), Role.AGENT);
        }

        QueueInfo sales = queues.create(QueueSettings.defaults("Sales", QueueKind.CALL));
        QueueInfo support = queues.create(QueueSettings.defaults("Support", QueueKind.CALL));
        QueueInfo webchat = queues.create(QueueSettings.defaults("Web Chat", QueueKind.CHAT));
        QueueInfo messaging = queues.create(QueueSettings.defaults("Messaging", QueueKind.CHAT));
        QueueSettings campaign = QueueSettings.defaults("Missed Calls Campaign", QueueKind.CAMPAIGN);
        QueueInfo missed = queues.create(new QueueSettings(campaign.name(), campaign.kind(),
                campaign.offerTimeoutSeconds(), campaign.wrapUpSeconds(), campaign.wrapUpExtensionSeconds(),
                campaign.maxWaitSeconds(), campaign.serviceLevelSeconds(), campaign.chatCapacity(), -1,
                campaign.missedOffersBeforePause(), Set.of(sales.id(), support.id())));

        assign(sales, people, "supervisor", "agent1", "agent2", "agent3", "agent4");
        assign(support, people, "supervisor", "agent1", "agent2", "agent5");
        assign(missed, people, "supervisor", "agent1", "agent3", "agent4");
        assign(webchat, people, "supervisor", "agent3", "agent5", "agent6");
        assign(messaging, people, "supervisor", "agent4", "agent6");

        for (String reason : List.of("Lunch", "Break", "Training", "Meeting", "Admin work")) {
            pauseReasons.create(reason);
        }
        log.info("Demo data created: {} users, 5 queues, 5 pause reasons. Every demo password is '{}'.",
                people.size(), PASSWORD);
    }

    private void user(Map<String, UserSummary> people, String username, String name, List<String> lines, Role... roles) {
        UserSummary existing = users.findByUsername(username).orElse(null);
        UserSummary user = existing != null ? existing
                : users.create(new UserForm(username, name, PASSWORD, EnumSet.copyOf(List.of(roles)), lines));
        people.put(username, user);
    }

    private void assign(QueueInfo queue, Map<String, UserSummary> people, String supervisor, String... agents) {
        List<Long> agentIds = new ArrayList<>();
        for (String agent : agents) {
            agentIds.add(people.get(agent).id());
        }
        queues.assign(queue.id(), AssignmentRole.AGENT, Set.copyOf(agentIds));
        queues.assign(queue.id(), AssignmentRole.SUPERVISOR, Set.of(people.get(supervisor).id()));
    }
}
