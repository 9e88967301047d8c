package org.switchboard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.api.ApiKeyService;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** The line selector: admins enter a user's extensions, the agent picks one, offers name it. */
@SwitchboardTest
class AgentLineTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    UserService users;
    @Autowired
    AgentStatusService agents;
    @Autowired
    ContactService contacts;
    @Autowired
    AuditLog audit;
    @Autowired
    ApiKeyService keys;
    @Autowired
    WebApplicationContext context;

    QueueInfo queue;
    UserSummary agent;

    @BeforeEach
    void agentWithTwoLines() {
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = withLines(fixture.readyAgents(1, queue).getFirst(), List.of(" 1001", "1002 ", ""));
    }

    UserSummary withLines(UserSummary user, List<String> lines) {
        return SystemUser.call(() -> {
            UserSummary current = users.findByUsername(user.username()).orElseThrow();
            return users.update(current.id(), current.version(),
                    new UserForm(null, current.displayName(), null, current.roles(), lines));
        });
    }

    AgentStatus setLine(String line) {
        return RoutingFixture.as(agent, () -> agents.setLine(agent.id(), line));
    }

    @Test
    void adminsEnterExtensionsTrimmedAndInOrderAndTheChangeIsAudited() {
        assertThat(agent.lines()).containsExactly("1001", "1002");
        assertThat(SystemUser.call(() -> users.linesOf(agent.id()))).containsExactly("1001", "1002");
        assertThat(SystemUser.call(() -> audit.find(new AuditFilter(null, AuditAction.USER_CHANGED, null, null), 0, 500))
                .stream().filter(e -> Long.valueOf(agent.id()).equals(e.targetId())).findFirst().orElseThrow().detail())
                .contains("lines: none → 1001, 1002");

        UserSummary renamed = SystemUser.call(() -> users.update(agent.id(), agent.version(),
                new UserForm(null, "Renamed", null, agent.roles(), null)));
        assertThat(renamed.lines()).as("a form without lines keeps them").containsExactly("1001", "1002");
    }

    @Test
    void badOrRepeatedExtensionsAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> withLines(agent, List.of("1001", "10 02"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'10 02' is not an extension");
        assertThatThrownBy(() -> withLines(agent, List.of("1001", "1001"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> withLines(agent, List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 10");
        assertThat(SystemUser.call(() -> users.linesOf(agent.id()))).containsExactly("1001", "1002");
    }

    @Test
    void theFirstLineTakesCallsUntilTheAgentPicksAnother() {
        assertThat(SystemUser.call(() -> agents.status(agent.id())).line()).isEqualTo("1001");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).lines()).containsExactly("1001", "1002");

        assertThat(setLine("1002").line()).isEqualTo("1002");
        assertThat(SystemUser.call(() -> agents.lineOf(agent.id()))).isEqualTo("1002");
    }

    @Test
    void aLineThatIsNotOneOfTheUsersIsRefusedAndTheChoiceStays() {
        setLine("1002");
        assertThatThrownBy(() -> setLine("1003")).isInstanceOf(ValidationException.class)
                .hasMessage("'1003' is not one of the lines 1001, 1002.");
        assertThatThrownBy(() -> setLine(null)).isInstanceOf(ValidationException.class);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).line()).isEqualTo("1002");

        UserSummary lineless = fixture.readyAgents(1, queue).getFirst();
        assertThatThrownBy(() -> RoutingFixture.as(lineless, () -> agents.setLine(lineless.id(), "1001")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("has no lines");
        assertThat(SystemUser.call(() -> agents.status(lineless.id())).line()).isNull();
    }

    @Test
    void anotherAgentMayNotPickMyLine() {
        UserSummary other = fixture.readyAgents(1, queue).getFirst();
        assertThatThrownBy(() -> RoutingFixture.as(other, () -> agents.setLine(agent.id(), "1002")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).line()).isEqualTo("1001");
    }

    @Test
    void theLineStaysDuringACallAndTheOfferNamesIt() {
        setLine("1002");
        ContactView offer = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Ada", "+15550100")));
        assertThat(SystemUser.call(() -> contacts.get(offer.id())).agentId()).isEqualTo(agent.id());

        assertThatThrownBy(() -> setLine("1001")).isInstanceOf(ConflictException.class).hasMessageContaining("between calls");
        assertThat(SystemUser.call(() -> agents.lineOf(agent.id()))).isEqualTo("1002");
    }

    @Test
    void whenAnAdminRemovesTheChosenLineTheFirstTakesOver() {
        setLine("1002");
        withLines(agent, List.of("1001", "1003"));
        assertThat(SystemUser.call(() -> agents.status(agent.id())).line()).isEqualTo("1001");
    }

    @Test
    void theApiShowsAndSetsTheLineAndAnOfferNamesIt() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String key = "Bearer " + SystemUser.call(() -> keys.create(RoutingFixture.unique("line client"), "test")).plainKey();
        String url = "/api/v1/agents/" + agent.username();

        mvc.perform(get(url + "/status").header("Authorization", key)).andExpect(status().isOk())
                .andExpect(jsonPath("$.line").value("1001")).andExpect(jsonPath("$.lines[1]").value("1002"));
        mvc.perform(put(url + "/line").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"line\": \"9999\"}")).andExpect(status().isBadRequest());
        mvc.perform(put(url + "/line").header("Authorization", key).contentType(MediaType.APPLICATION_JSON)
                .content("{\"line\": \"1002\"}")).andExpect(status().isOk()).andExpect(jsonPath("$.line").value("1002"));

        ContactView offer = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Ada", "+15550100")));
        mvc.perform(get("/api/v1/contacts/" + offer.id()).header("Authorization", key)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OFFERED")).andExpect(jsonPath("$.line").value("1002"));
    }
}
