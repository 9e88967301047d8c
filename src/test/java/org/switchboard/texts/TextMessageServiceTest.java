package org.switchboard.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserService;

@SwitchboardTest
class TextMessageServiceTest {

    @Autowired
    TextMessageService texts;
    @Autowired
    UserService users;

    SignedInUser agent;
    SignedInUser otherAgent;
    SignedInUser supervisor;
    SignedInUser admin;

    @BeforeEach
    void users() {
        agent = TestUsers.create(users, Role.AGENT);
        otherAgent = TestUsers.create(users, Role.AGENT);
        supervisor = TestUsers.create(users, Role.SUPERVISOR, Role.AGENT);
        admin = TestUsers.create(users, Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static TextMessageForm form(String title, String shortcut, String body, boolean publicMessage, String... categories) {
        return new TextMessageForm(title, shortcut, Set.of(categories), body, publicMessage);
    }

    String uniqueShortcut() {
        return TestUsers.unique("/s");
    }

    @Test
    void agentManagesOnlyOwnMessagesAndReadsPublicOnes() {
        TestUsers.signIn(supervisor);
        TextMessage pub = texts.create(form("Opening hours", uniqueShortcut(), "We are open 9-17.", true, "General"));
        assertThat(pub.isPublic()).isTrue();
        assertThat(pub.editable()).isTrue();

        TestUsers.signIn(otherAgent);
        TextMessage foreign = texts.create(form("Mine", uniqueShortcut(), "Other agent's text", false));

        TestUsers.signIn(agent);
        TextMessage own = texts.create(form("Greeting", uniqueShortcut(), "Hello!", false));
        assertThat(own.ownerId()).isEqualTo(agent.id());

        var listed = texts.list("", null);
        assertThat(listed).extracting(TextMessage::id).contains(pub.id(), own.id()).doesNotContain(foreign.id());
        assertThat(listed).filteredOn(m -> m.id() == pub.id()).singleElement()
                .satisfies(m -> assertThat(m.editable()).isFalse());
        assertThat(listed).filteredOn(m -> m.id() == own.id()).singleElement()
                .satisfies(m -> assertThat(m.editable()).isTrue());

        // public: read-only for agents
        assertThatThrownBy(() -> texts.update(pub.id(), pub.version(), form("Changed", pub.shortcut(), "x", false)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> texts.delete(pub.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> texts.create(form("Pub", uniqueShortcut(), "x", true)))
                .isInstanceOf(AccessDeniedException.class);
        // another agent's message: invisible
        assertThatThrownBy(() -> texts.update(foreign.id(), foreign.version(), form("Hacked", foreign.shortcut(), "x", false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> texts.delete(foreign.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> texts.fill(foreign.id(), PlaceholderContext.NONE)).isInstanceOf(NotFoundException.class);

        // own: editable and deletable
        TextMessage changed = texts.update(own.id(), own.version(), form("Greeting 2", own.shortcut(), "Hi there", false, "Openers"));
        assertThat(changed.body()).isEqualTo("Hi there");
        assertThat(changed.categories()).containsExactly("Openers");
        assertThat(changed.version()).isEqualTo(own.version() + 1);
        texts.delete(own.id());
        assertThat(texts.list("", null)).extracting(TextMessage::id).doesNotContain(own.id());

        TestUsers.signIn(supervisor);
        assertThat(texts.get(pub.id()).title()).isEqualTo("Opening hours");
        assertThatThrownBy(() -> texts.get(foreign.id())).isInstanceOf(NotFoundException.class);
        TestUsers.signIn(otherAgent);
        assertThat(texts.get(foreign.id()).title()).isEqualTo("Mine");
    }

    @Test
    void supervisorsAndAdminsManagePublicMessagesAndKeepPersonalOnes() {
        TestUsers.signIn(admin);
        TextMessage pub = texts.create(form("Thanks", uniqueShortcut(), "Thank you!", true));
        TextMessage personal = texts.create(form("Admin note", uniqueShortcut(), "Mine only", false));
        assertThat(personal.isPublic()).isFalse();

        TestUsers.signIn(supervisor);
        TextMessage edited = texts.update(pub.id(), pub.version(), form("Thanks a lot", pub.shortcut(), "Thank you very much!", true));
        assertThat(edited.isPublic()).isTrue();
        assertThat(edited.title()).isEqualTo("Thanks a lot");
        assertThat(texts.list("", null)).extracting(TextMessage::id).doesNotContain(personal.id());
        // stale version is refused
        assertThatThrownBy(() -> texts.update(pub.id(), pub.version(), form("Stale", pub.shortcut(), "x", true)))
                .isInstanceOf(ConflictException.class);

        TestUsers.signIn(admin);
        texts.delete(pub.id());
        assertThat(texts.list("", null)).extracting(TextMessage::id).contains(personal.id()).doesNotContain(pub.id());
    }

    @Test
    void validatesEveryLimitAndSavesNothingOnError() {
        TestUsers.signIn(agent);
        String ok = uniqueShortcut();
        assertThatThrownBy(() -> texts.create(form(" ", ok, "text", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> texts.create(form("x".repeat(101), ok, "text", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 100");
        assertThatThrownBy(() -> texts.create(form("t", ok, "", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> texts.create(form("t", ok, "x".repeat(2001), false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 2000");
        for (String bad : new String[] {"hours", "/h", "/" + "a".repeat(31), "/ho urs", "/hö", "/h.s", ""}) {
            assertThatThrownBy(() -> texts.create(form("t", bad, "text", false)))
                    .as(bad).isInstanceOf(ValidationException.class).hasMessageContaining("shortcut");
        }
        assertThatThrownBy(() -> texts.create(form("t", ok, "text", false, "c".repeat(51))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("category");
        assertThat(texts.list("", null)).noneMatch(m -> agent.id() == (m.ownerId() == null ? -1 : m.ownerId()));

        // the limits themselves are accepted
        TextMessage max = texts.create(form("x".repeat(100), "/" + "a_-9".repeat(7) + "ab", "y".repeat(2000), false));
        assertThat(max.body()).hasSize(2000);
        assertThat(texts.create(form("t", "/ab", "z", false)).shortcut()).isEqualTo("/ab");
    }

    @Test
    void shortcutIsUniquePerOwnerOnly() {
        String shortcut = uniqueShortcut();
        TestUsers.signIn(agent);
        TextMessage first = texts.create(form("Hours", shortcut, "9-17", false));
        assertThatThrownBy(() -> texts.create(form("Again", shortcut, "other", false)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The shortcut " + shortcut + " is already used by your message \"Hours\". Choose another shortcut.");
        TextMessage second = texts.create(form("Other", uniqueShortcut(), "text", false));
        assertThatThrownBy(() -> texts.update(second.id(), second.version(), form("Other", shortcut, "text", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already used");
        assertThat(texts.get(second.id()).shortcut()).isNotEqualTo(shortcut);

        // other owners (another agent, the public library) may use the same shortcut
        TestUsers.signIn(otherAgent);
        assertThat(texts.create(form("Hours", shortcut, "8-16", false)).shortcut()).isEqualTo(shortcut);
        TestUsers.signIn(supervisor);
        texts.create(form("Hours", shortcut, "public", true));
        assertThatThrownBy(() -> texts.create(form("Hours 2", shortcut, "public 2", true)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already used by the public message \"Hours\"");

        TestUsers.signIn(agent);
        assertThat(texts.suggest(agent.id(), shortcut)).extracting(TextMessage::id).first().isEqualTo(first.id());
        assertThat(texts.suggest(agent.id(), shortcut)).hasSize(2);
    }

    @Test
    void fillsKnownPlaceholdersAndLeavesOthersVisible() {
        TestUsers.signIn(agent);
        TextMessage msg = texts.create(form("Hi", uniqueShortcut(),
                "Hi {customer.name}, I am {agent.name} from {queue.name}. Order {order.id}.", false));
        assertThat(texts.fill(msg.id(), new PlaceholderContext("Ann", "Alice", "Sales")))
                .isEqualTo("Hi Ann, I am Alice from Sales. Order {order.id}.");
        assertThat(texts.fill(msg.id(), new PlaceholderContext(null, "Alice", " ")))
                .isEqualTo("Hi {customer.name}, I am Alice from {queue.name}. Order {order.id}.");
        assertThat(Placeholders.fill("{agent.name} $1 \\ {agent.name}", new PlaceholderContext(null, "A$b", null)))
                .isEqualTo("A$b $1 \\ A$b");
        // the saved message is unchanged
        assertThat(texts.get(msg.id()).body()).contains("{customer.name}");
    }

    @Test
    void searchesByTextAndFiltersByCategoryAndSuggestsByPrefix() {
        TestUsers.signIn(agent);
        String tag = TestUsers.unique("zq");
        String category = TestUsers.unique("Cat ");
        TextMessage a = texts.create(form("Refund " + tag, "/" + tag + "-refund", "Your refund is on its way", false, category));
        TextMessage b = texts.create(form("Delivery", "/" + tag + "-delivery", "Parcel " + tag.toUpperCase() + " ships", false, "Other"));
        TextMessage c = texts.create(form("Unrelated", uniqueShortcut(), "nothing", false, category));

        assertThat(texts.list(tag, null)).extracting(TextMessage::id).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(texts.list("REFUND IS", null)).extracting(TextMessage::id).containsExactly(a.id());
        assertThat(texts.list("", category)).extracting(TextMessage::id).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(texts.list(tag, category)).extracting(TextMessage::id).containsExactly(a.id());
        assertThat(texts.categories()).contains(category, "Other");

        assertThat(texts.suggest(agent.id(), "/" + tag.toUpperCase())).extracting(TextMessage::id)
                .containsExactly(b.id(), a.id());
        assertThat(texts.suggest(agent.id(), "/" + tag + "-r")).extracting(TextMessage::id).containsExactly(a.id());
        assertThat(texts.suggest(agent.id(), tag)).isEmpty();
        assertThatThrownBy(() -> texts.suggest(otherAgent.id(), "/")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesAnonymousCallers() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("anonymous", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThatThrownBy(() -> texts.list("", null)).isInstanceOf(AccessDeniedException.class);
    }
}
