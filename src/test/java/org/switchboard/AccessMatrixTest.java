package org.switchboard;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.AccessMatrixTest.Caller.ADMIN;
import static org.switchboard.AccessMatrixTest.Caller.AGENT;
import static org.switchboard.AccessMatrixTest.Caller.ANONYMOUS;
import static org.switchboard.AccessMatrixTest.Caller.INTEGRATION;
import static org.switchboard.AccessMatrixTest.Caller.OTHER_AGENT;
import static org.switchboard.AccessMatrixTest.Caller.OTHER_SUPERVISOR;
import static org.switchboard.AccessMatrixTest.Caller.SUPERVISOR;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Service;
import org.springframework.test.util.AopTestUtils;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSamples;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.InboundMessage;
import org.switchboard.chat.NewAttachment;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.Channel;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;
import org.switchboard.texts.TextMessageForm;
import org.switchboard.texts.TextMessageService;

/**
 * Every route and every public method of every service against every kind of caller. The routes come
 * from Vaadin's route registry and the methods from the service beans, so a new route or a new public
 * service method without a rule here (and, for methods, a {@code @PreAuthorize} or an explicit
 * {@link Unrestricted}) fails this test. Rules on an agent, a queue or a chat are checked with a real
 * agent, its queue, a supervisor of that queue, and an agent and a supervisor of another queue.
 */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class AccessMatrixTest extends SpringBrowserlessTest {

    /** Who calls. AGENT is the agent the arguments name; SUPERVISOR supervises its queue. */
    enum Caller {
        ANONYMOUS, AGENT, OTHER_AGENT, SUPERVISOR, OTHER_SUPERVISOR, ADMIN, INTEGRATION
    }

    /** A rule and whom it lets through, for the agent, queue and chat the arguments name. */
    enum Rule {
        SIGNED_IN(AGENT, OTHER_AGENT, SUPERVISOR, OTHER_SUPERVISOR, ADMIN, INTEGRATION),
        USERS(AGENT, OTHER_AGENT, SUPERVISOR, OTHER_SUPERVISOR, ADMIN),
        SUPERVISORS(SUPERVISOR, OTHER_SUPERVISOR, ADMIN),
        ADMINS(ADMIN),
        INTEGRATIONS(ADMIN, INTEGRATION),
        FOR_AGENT(AGENT, SUPERVISOR, ADMIN, INTEGRATION),
        USERS_FOR_AGENT(AGENT, SUPERVISOR, ADMIN),
        MANAGES_AGENT(SUPERVISOR, ADMIN, INTEGRATION),
        SELF(AGENT),
        QUEUE_MEMBERS(AGENT, SUPERVISOR, ADMIN),
        QUEUE_SUPERVISORS(SUPERVISOR, ADMIN),
        CHAT_READERS(AGENT, SUPERVISOR, ADMIN),
        /** A public text message: supervisors and admins change it. */
        PUBLIC_TEXT_EDITORS(SUPERVISOR, OTHER_SUPERVISOR, ADMIN),
        /** An audio message the agent recorded: it, supervisors and admins change it. */
        AUDIO_EDITORS(AGENT, SUPERVISOR, OTHER_SUPERVISOR, ADMIN),
        /** No user check on purpose ({@link Unrestricted}); not evaluated. */
        OPEN;

        final Set<Caller> allowed;

        Rule(Caller... allowed) {
            this.allowed = allowed.length == 0 ? EnumSet.noneOf(Caller.class) : EnumSet.copyOf(List.of(allowed));
        }
    }

    /** Service.method/arity: its rule. A method missing here, or listed but gone, fails the test. */
    private static final Map<String, Rule> METHODS = Map.ofEntries(
            entry("AgentActivity.lock/1", Rule.OPEN),
            entry("AgentActivity.onContact/2", Rule.OPEN),
            entry("AgentActivity.wrapUp/1", Rule.OPEN),
            entry("AgentActivity.finished/2", Rule.OPEN),
            entry("AgentActivity.offerWithdrawn/1", Rule.OPEN),
            entry("AgentActivity.offerMissed/3", Rule.OPEN),
            entry("AgentActivity.offered/1", Rule.OPEN),
            entry("AgentAvailability.readyByQueue/0", Rule.OPEN),
            entry("AgentAvailability.loggedInByQueue/1", Rule.OPEN),
            entry("AgentAvailability.lockLongestIdle/2", Rule.OPEN),
            entry("AgentAvailability.hasIdle/2", Rule.OPEN),
            entry("AgentAvailability.readyIn/1", Rule.OPEN),
            entry("AgentAvailability.lockIfReady/2", Rule.OPEN),
            entry("AgentAvailability.silentSince/2", Rule.OPEN),
            entry("AgentStatusService.status/1", Rule.FOR_AGENT),
            entry("AgentStatusService.lineOf/1", Rule.FOR_AGENT),
            entry("AgentStatusService.agentsIn/1", Rule.QUEUE_MEMBERS),
            entry("AgentStatusService.loginToQueues/2", Rule.FOR_AGENT),
            entry("AgentStatusService.setQueueState/4", Rule.FOR_AGENT),
            entry("AgentStatusService.setGlobal/3", Rule.FOR_AGENT),
            entry("AgentStatusService.heartbeat/1", Rule.FOR_AGENT),
            entry("AgentStatusService.setLine/2", Rule.FOR_AGENT),
            entry("AgentStatusService.pauseDisconnected/0", Rule.OPEN),
            entry("PastChats.write/1", Rule.OPEN),
            entry("PastContacts.nextId/0", Rule.OPEN),
            entry("PastContacts.anyCreated/2", Rule.OPEN),
            entry("PastContacts.write/2", Rule.OPEN),
            entry("PauseReasonService.findAll/0", Rule.SIGNED_IN),
            entry("PauseReasonService.selectable/0", Rule.SIGNED_IN),
            entry("PauseReasonService.findById/1", Rule.SIGNED_IN),
            entry("PauseReasonService.findByName/1", Rule.SIGNED_IN),
            entry("PauseReasonService.create/1", Rule.ADMINS),
            entry("PauseReasonService.update/4", Rule.ADMINS),
            entry("ApiKeyService.create/2", Rule.ADMINS),
            entry("ApiKeyService.create/3", Rule.ADMINS),
            entry("ApiKeyService.ensure/2", Rule.ADMINS),
            entry("ApiKeyService.revoke/1", Rule.ADMINS),
            entry("ApiKeyService.findAll/0", Rule.ADMINS),
            entry("ApiKeyService.authenticate/1", Rule.OPEN),
            entry("IdempotentContacts.create/4", Rule.INTEGRATIONS),
            entry("IdempotentContacts.callLine/5", Rule.INTEGRATIONS),
            entry("AudioMessageService.library/2", Rule.USERS),
            entry("AudioMessageService.playable/1", Rule.USERS),
            entry("AudioMessageService.get/1", Rule.USERS),
            entry("AudioMessageService.tags/0", Rule.USERS),
            entry("AudioMessageService.inspect/1", Rule.USERS),
            entry("AudioMessageService.create/2", Rule.USERS),
            entry("AudioMessageService.update/4", Rule.AUDIO_EDITORS),
            entry("AudioMessageService.setArchived/2", Rule.AUDIO_EDITORS),
            entry("AudioMessageService.delete/1", Rule.AUDIO_EDITORS),
            entry("AudioMessageService.copyAudio/4", Rule.USERS),
            entry("AudioMessageService.play/3", Rule.FOR_AGENT),
            entry("AudioMessageService.stopped/2", Rule.FOR_AGENT),
            entry("AuditLog.record/3", Rule.OPEN),
            entry("AuditLog.record/4", Rule.OPEN),
            entry("AuditLog.find/3", Rule.ADMINS),
            entry("AuditLog.actions/0", Rule.ADMINS),
            entry("ChatOutbox.deliverDue/0", Rule.OPEN),
            entry("ChatService.start/2", Rule.INTEGRATIONS),
            entry("ChatService.customerWrites/2", Rule.INTEGRATIONS),
            entry("ChatService.receive/1", Rule.INTEGRATIONS),
            entry("ChatService.conversationsOf/1", Rule.FOR_AGENT),
            entry("ChatService.unreadChats/1", Rule.FOR_AGENT),
            entry("ChatService.conversation/1", Rule.CHAT_READERS),
            entry("ChatService.read/1", Rule.CHAT_READERS),
            entry("ChatService.send/3", Rule.FOR_AGENT),
            entry("ChatService.resolve/2", Rule.FOR_AGENT),
            entry("ChatService.addTag/2", Rule.CHAT_READERS),
            entry("ChatService.removeTag/2", Rule.CHAT_READERS),
            entry("ChatService.tagsInUse/0", Rule.USERS),
            entry("ChatService.flipToCall/2", Rule.FOR_AGENT),
            entry("ChatService.inviteToMeeting/2", Rule.FOR_AGENT),
            entry("ChatService.history/1", Rule.USERS),
            entry("ChatService.attachmentContent/1", Rule.CHAT_READERS),
            entry("ChatService.figures/1", Rule.SIGNED_IN),
            entry("ChatService.messageTone/1", Rule.FOR_AGENT),
            entry("ChatService.setMessageTone/2", Rule.SELF),
            entry("WaitingContacts.longestWaiting/2", Rule.OPEN),
            entry("WaitingContacts.stillWaiting/1", Rule.OPEN),
            entry("WaitingContacts.lockWaiting/1", Rule.OPEN),
            entry("WaitingContacts.openChats/1", Rule.OPEN),
            entry("WebchatService.queue/1", Rule.OPEN),
            entry("WebchatService.start/5", Rule.OPEN),
            entry("WebchatService.transcript/1", Rule.OPEN),
            entry("WebchatService.write/2", Rule.OPEN),
            entry("WebchatService.end/1", Rule.OPEN),
            entry("WebCallService.queue/1", Rule.OPEN),
            entry("WebCallService.place/4", Rule.OPEN),
            entry("WebCallService.call/1", Rule.OPEN),
            entry("WebCallService.signal/3", Rule.OPEN),
            entry("WebCallService.hangUp/1", Rule.OPEN),
            entry("VoiceService.audioCallsOf/1", Rule.FOR_AGENT),
            entry("VoiceService.signal/4", Rule.FOR_AGENT),
            entry("VoiceService.monitorSignal/5", Rule.FOR_AGENT),
            entry("VoiceService.listen/3", Rule.QUEUE_SUPERVISORS),
            entry("VoiceService.listenerSignal/5", Rule.QUEUE_SUPERVISORS),
            entry("VoiceService.stopListening/3", Rule.QUEUE_SUPERVISORS),
            entry("VoiceService.holdMusic/0", Rule.ADMINS),
            entry("VoiceService.endCallsOfSilentAgents/0", Rule.OPEN),
            entry("VoiceService.setHoldMusic/2", Rule.ADMINS),
            entry("WebCallService.holdMusic/1", Rule.OPEN),
            entry("WebCallService.copyHoldMusic/2", Rule.OPEN),
            entry("CallContacts.openOf/1", Rule.OPEN),
            entry("CallContacts.connected/0", Rule.OPEN),
            entry("CallContacts.colleagueCallsAmong/1", Rule.OPEN),
            entry("ChatContacts.find/1", Rule.OPEN),
            entry("ChatContacts.openOf/1", Rule.OPEN),
            entry("ChatContacts.ended/3", Rule.OPEN),
            entry("ChatContacts.connectedIn/1", Rule.OPEN),
            entry("ChatContacts.agentsOf/1", Rule.OPEN),
            entry("ChatContacts.lockOpenChat/3", Rule.OPEN),
            entry("ContactFigures.live/1", Rule.OPEN),
            entry("ContactFigures.day/3", Rule.OPEN),
            entry("ContactFigures.answers/3", Rule.OPEN),
            entry("ContactFigures.createdByHour/3", Rule.OPEN),
            entry("ContactFigures.answeredByDay/3", Rule.OPEN),
            entry("ContactService.create/1", Rule.INTEGRATIONS),
            entry("ContactService.get/1", Rule.SIGNED_IN),
            entry("ContactService.named/1", Rule.SIGNED_IN),
            entry("ContactService.currentContactsOf/1", Rule.FOR_AGENT),
            entry("ContactService.waiting/1", Rule.QUEUE_MEMBERS),
            entry("ContactService.accept/2", Rule.FOR_AGENT),
            entry("ContactService.end/2", Rule.FOR_AGENT),
            entry("ContactService.customerLeft/1", Rule.INTEGRATIONS),
            entry("ContactService.endWrapUp/1", Rule.FOR_AGENT),
            entry("ContactService.endWrapUpFor/1", Rule.MANAGES_AGENT),
            entry("ContactService.extendWrapUp/2", Rule.FOR_AGENT),
            entry("ContactService.callOut/2", Rule.FOR_AGENT),
            entry("ContactService.callOut/3", Rule.FOR_AGENT),
            entry("ContactService.callIn/3", Rule.INTEGRATIONS),
            entry("ContactService.callLine/3", Rule.INTEGRATIONS),
            entry("ContactService.hangUpAfter/2", Rule.FOR_AGENT),
            entry("ContactService.colleagueCall/1", Rule.FOR_AGENT),
            entry("ContactService.recordingPlayed/4", Rule.FOR_AGENT),
            entry("ContactService.recordingStopped/2", Rule.FOR_AGENT),
            entry("ContactService.offer/1", Rule.OPEN),
            entry("ContactTimers.expireOffers/0", Rule.OPEN),
            entry("ContactTimers.timeOutWaiting/0", Rule.OPEN),
            entry("ContactTimers.connectRinging/0", Rule.OPEN),
            entry("ContactTimers.hangUpScheduled/0", Rule.OPEN),
            entry("ContactTimers.endWrapUpsByTime/0", Rule.OPEN),
            entry("DashboardService.load/1", Rule.FOR_AGENT),
            entry("DashboardService.figuresOf/2", Rule.FOR_AGENT),
            entry("DashboardService.queueDetails/1", Rule.QUEUE_MEMBERS),
            entry("DispatchService.dispatch/0", Rule.OPEN),
            entry("QueueMetricsService.metrics/1", Rule.SIGNED_IN),
            entry("QueueMetricsService.todayByHour/1", Rule.SIGNED_IN),
            entry("ProductivityService.today/2", Rule.USERS_FOR_AGENT),
            entry("ProductivityService.week/2", Rule.USERS_FOR_AGENT),
            entry("ProductivityService.agentsToShow/0", Rule.USERS),
            entry("ProductivityService.currentDay/0", Rule.OPEN),
            entry("QueueDirectory.agentQueuesOf/1", Rule.OPEN),
            entry("QueueDirectory.byIds/1", Rule.OPEN),
            entry("QueueService.findAll/0", Rule.SIGNED_IN),
            entry("QueueService.findById/1", Rule.SIGNED_IN),
            entry("QueueService.findByName/1", Rule.SIGNED_IN),
            entry("QueueService.findAllById/1", Rule.SIGNED_IN),
            entry("QueueService.campaignsFedBy/1", Rule.SIGNED_IN),
            entry("QueueService.queuesOf/2", Rule.SIGNED_IN),
            entry("QueueService.usersOf/2", Rule.SIGNED_IN),
            entry("QueueService.agentsSupervisedBy/1", Rule.SIGNED_IN),
            entry("QueueService.isAssigned/3", Rule.SIGNED_IN),
            entry("QueueService.create/1", Rule.ADMINS),
            entry("QueueService.update/3", Rule.ADMINS),
            entry("QueueService.assign/3", Rule.ADMINS),
            entry("UserNames.of/1", Rule.OPEN),
            entry("UserService.findAll/0", Rule.ADMINS),
            entry("UserService.findByUsername/1", Rule.SIGNED_IN),
            entry("UserService.linesOf/1", Rule.SIGNED_IN),
            entry("UserService.withLine/1", Rule.SIGNED_IN),
            entry("UserService.create/1", Rule.ADMINS),
            entry("UserService.update/3", Rule.ADMINS),
            entry("UserService.setEnabled/3", Rule.ADMINS),
            entry("UserService.changeOwnPassword/3", Rule.SELF),
            entry("UserService.changeOwnDisplayName/2", Rule.SELF),
            entry("UserService.preferences/1", Rule.SELF),
            entry("UserService.changeOwnPreferences/2", Rule.SELF),
            entry("SimulatorService.status/0", Rule.ADMINS),
            entry("SimulatorService.start/1", Rule.ADMINS),
            entry("SimulatorService.stop/0", Rule.ADMINS),
            entry("SimulatorService.setRate/2", Rule.ADMINS),
            entry("SimulatorService.callLine/1", Rule.ADMINS),
            entry("SupervisionService.overview/0", Rule.SUPERVISORS),
            entry("SupervisionService.supervisedQueues/0", Rule.SUPERVISORS),
            entry("SupervisionService.drillDown/1", Rule.QUEUE_SUPERVISORS),
            entry("SupervisionService.pauseReasons/0", Rule.SUPERVISORS),
            entry("SupervisionService.endWrapUp/2", Rule.QUEUE_SUPERVISORS),
            entry("SupervisionService.pause/3", Rule.QUEUE_SUPERVISORS),
            entry("SupervisionService.logOut/2", Rule.QUEUE_SUPERVISORS),
            entry("TextMessageService.list/2", Rule.USERS),
            entry("TextMessageService.categories/0", Rule.USERS),
            entry("TextMessageService.get/1", Rule.USERS),
            entry("TextMessageService.suggest/2", Rule.SELF),
            entry("TextMessageService.fill/2", Rule.USERS),
            entry("TextMessageService.create/1", Rule.USERS),
            entry("TextMessageService.update/3", Rule.PUBLIC_TEXT_EDITORS),
            entry("TextMessageService.delete/1", Rule.PUBLIC_TEXT_EDITORS));

    /** Route target: the signed-in roles (or ANONYMOUS) that may open it. */
    private static final Map<String, Set<Caller>> ROUTES = Map.ofEntries(
            entry("LoginView", EnumSet.of(ANONYMOUS, AGENT, SUPERVISOR, ADMIN)),
            entry("WebchatView", EnumSet.of(ANONYMOUS, AGENT, SUPERVISOR, ADMIN)),
            entry("CallView", EnumSet.of(ANONYMOUS, AGENT, SUPERVISOR, ADMIN)),
            entry("HomeView", EnumSet.of(AGENT, SUPERVISOR, ADMIN)),
            entry("AccountView", EnumSet.of(AGENT, SUPERVISOR, ADMIN)),
            entry("TextMessagesView", EnumSet.of(AGENT, SUPERVISOR, ADMIN)),
            entry("AudioMessagesView", EnumSet.of(AGENT, SUPERVISOR, ADMIN)),
            entry("DashboardView", EnumSet.of(AGENT)),
            entry("ChatView", EnumSet.of(AGENT)),
            entry("ChatSettingsView", EnumSet.of(AGENT)),
            entry("VoiceSettingsView", EnumSet.of(AGENT)),
            entry("TodayActivityView", EnumSet.of(AGENT, SUPERVISOR)),
            entry("WeekActivityView", EnumSet.of(AGENT, SUPERVISOR)),
            entry("SupervisionView", EnumSet.of(SUPERVISOR, ADMIN)),
            entry("QueueDrillDownView", EnumSet.of(SUPERVISOR, ADMIN)),
            entry("UsersView", EnumSet.of(ADMIN)),
            entry("QueuesView", EnumSet.of(ADMIN)),
            entry("PauseReasonsView", EnumSet.of(ADMIN)),
            entry("HoldMusicView", EnumSet.of(ADMIN)),
            entry("AuditView", EnumSet.of(ADMIN)),
            entry("ApiKeysView", EnumSet.of(ADMIN)),
            entry("SimulatorView", EnumSet.of(ADMIN)));

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @Autowired
    ApplicationContext context;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ChatService chats;
    @Autowired
    TextMessageService texts;
    @Autowired
    AudioMessageService audio;

    Map<Caller, Authentication> callers = new EnumMap<>(Caller.class);
    UserSummary agent;
    QueueInfo queue;
    long chatId;
    long attachmentId;
    long publicTextId;
    long agentsAudioId;

    @BeforeEach
    void agentsQueuesAndAChat() {
        queue = fixture.queue(QueueKind.CHAT, 0, 0);
        QueueInfo otherQueue = fixture.queue(QueueKind.CHAT, 0, 0);
        agent = fixture.readyAgents(1, queue).getFirst();
        UserSummary otherAgent = fixture.readyAgents(1, otherQueue).getFirst();
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(queue, supervisor);
        UserSummary otherSupervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(otherQueue, otherSupervisor);
        UserSummary admin = fixture.user(Role.ADMIN);

        // A customer's picture starts a chat in the agent's queue; the dispatcher offers it to the agent.
        chatId = SystemUser.call(() -> chats.receive(new InboundMessage(Channel.SMS, queue.name(), "+15550101234",
                "Matrix Customer", "hello", RoutingFixture.unique("m"), List.of(new NewAttachment("p.png", Base64.getDecoder().decode(PNG))))))
                .contactId();
        List<ChatMessage> messages = SystemUser.call(() -> chats.read(chatId));
        attachmentId = messages.getFirst().attachments().getFirst().id();
        assertThat(SystemUser.call(() -> chats.conversation(chatId)).agentId()).isEqualTo(agent.id());

        publicTextId = SystemUser.call(() -> texts.create(new TextMessageForm("Opening hours", RoutingFixture.unique("/h").replace("-", ""),
                Set.of(), "We are open 9 to 5.", true))).id();
        agentsAudioId = RoutingFixture.as(agent, () -> audio.create(new AudioMessageForm(RoutingFixture.unique("Greeting"), "", Set.of()),
                AudioSamples.file(AudioSamples.wav(500), ".wav"))).id();

        callers.put(ANONYMOUS, new AnonymousAuthenticationToken("matrix", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        callers.put(AGENT, signedIn(agent));
        callers.put(OTHER_AGENT, signedIn(otherAgent));
        callers.put(SUPERVISOR, signedIn(supervisor));
        callers.put(OTHER_SUPERVISOR, signedIn(otherSupervisor));
        callers.put(ADMIN, signedIn(admin));
        callers.put(INTEGRATION, UsernamePasswordAuthenticationToken.authenticated("integration-client", null,
                AuthorityUtils.createAuthorityList("ROLE_" + Role.INTEGRATION_ROLE)));
    }

    @Test
    void everyPublicServiceMethodHasItsRuleAndLetsThroughExactlyItsCallers() {
        Map<String, Method> found = new TreeMap<>();
        Map<String, Object> targets = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getPackageName().startsWith("org.switchboard")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !method.isBridge()) {
                    String key = type.getSimpleName() + "." + method.getName() + "/" + method.getParameterCount();
                    found.put(key, method);
                    targets.put(key, bean);
                }
            }
        }
        assertThat(found.keySet()).as("public service methods, each with its rule in METHODS")
                .containsExactlyInAnyOrderElementsOf(METHODS.keySet());

        List<String> wrong = new ArrayList<>();
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setApplicationContext(context);
        PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
        preAuthorize.setExpressionHandler(handler);
        found.forEach((key, method) -> {
            Rule rule = METHODS.get(key);
            Class<?> type = method.getDeclaringClass();
            boolean guarded = AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class);
            Unrestricted open = method.isAnnotationPresent(Unrestricted.class) ? method.getAnnotation(Unrestricted.class)
                    : type.getAnnotation(Unrestricted.class);
            if (rule == Rule.OPEN) {
                if (open == null || open.value().isBlank() || method.isAnnotationPresent(PreAuthorize.class)) {
                    wrong.add(key + ": listed as open, so it needs @Unrestricted with a reason and no @PreAuthorize");
                }
                return;
            }
            if (!guarded) {
                wrong.add(key + ": no @PreAuthorize");
                return;
            }
            if (!AopUtils.isAopProxy(targets.get(key))) {
                wrong.add(key + ": the bean is not proxied, so its rule would not run");
            }
            Object target = AopTestUtils.getUltimateTargetObject(targets.get(key));
            Object[] arguments = arguments(method, type);
            Set<Caller> allowed = EnumSet.noneOf(Caller.class);
            callers.forEach((caller, authentication) -> {
                if (granted(preAuthorize, authentication, new SimpleMethodInvocation(target, method, arguments))) {
                    allowed.add(caller);
                }
            });
            if (!allowed.equals(rule.allowed)) {
                wrong.add(key + ": lets through " + allowed + ", expected " + rule.allowed + " (" + rule + ")");
            }
        });
        assertThat(wrong).as("service methods whose rule is missing or wrong").isEmpty();
    }

    @Test
    void everyRouteOpensForExactlyItsRoles() {
        List<RouteData> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes();
        Map<String, RouteData> byTarget = new TreeMap<>();
        routes.forEach(route -> byTarget.put(route.getNavigationTarget().getSimpleName(), route));
        assertThat(byTarget.keySet()).as("every @Route, each with its roles in ROUTES").containsExactlyInAnyOrderElementsOf(ROUTES.keySet());

        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Set<String> wrong = new TreeSet<>();
        byTarget.forEach((name, route) -> {
            Set<Caller> allowed = EnumSet.noneOf(Caller.class);
            for (Caller caller : List.of(ANONYMOUS, AGENT, SUPERVISOR, ADMIN)) {
                Role role = caller == ANONYMOUS ? null : Role.valueOf(caller.name());
                Function<String, Boolean> hasRole = r -> role != null && role.name().equals(r);
                java.security.Principal principal = role == null ? null : () -> "someone";
                List<Class<?>> chain = new ArrayList<>(route.getParentLayouts());
                chain.add(route.getNavigationTarget());
                if (chain.stream().allMatch(type -> checker.hasAccess(type, principal, hasRole))) {
                    allowed.add(caller);
                }
            }
            if (!allowed.equals(ROUTES.get(name))) {
                wrong.add(route.getTemplate() + " (" + name + ") opens for " + allowed + ", expected " + ROUTES.get(name));
            }
        });
        assertThat(wrong).as("routes whose roles are wrong").isEmpty();
    }

    /** Arguments by parameter name: the agent, its queue, its chat, the chat's picture, a public text, the agent's audio; defaults otherwise. */
    private Object[] arguments(Method method, Class<?> service) {
        return Arrays.stream(method.getParameters()).map(parameter -> argument(parameter, service)).toArray();
    }

    private Object argument(Parameter parameter, Class<?> service) {
        return switch (parameter.getName()) {
            case "id" -> service == TextMessageService.class ? publicTextId : service == AudioMessageService.class ? agentsAudioId : 0L;
            case "agentId", "userId" -> agent.id();
            case "queueId" -> queue.id();
            case "contactId" -> chatId;
            case "attachmentId" -> attachmentId;
            case "username" -> agent.username();
            default -> parameter.getType() == long.class ? 0L : parameter.getType() == int.class ? 0
                    : parameter.getType() == boolean.class ? false : parameter.getType() == double.class ? 0.0 : null;
        };
    }

    /**
     * Whether the rule lets the caller through. The access beans a rule names read the security context,
     * as in a real call, and refuse with an AccessDeniedException that says why.
     */
    private static boolean granted(PreAuthorizeAuthorizationManager preAuthorize, Authentication authentication,
            SimpleMethodInvocation invocation) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            AuthorizationResult result = preAuthorize.authorize(() -> authentication, invocation);
            return result == null || result.isGranted();
        } catch (AccessDeniedException refused) {
            return false;
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Authentication signedIn(UserSummary user) {
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.displayName(), "", true, user.roles());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }
}
