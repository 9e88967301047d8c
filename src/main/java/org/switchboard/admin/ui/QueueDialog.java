package org.switchboard.admin.ui;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.dao.OptimisticLockingFailureException;
import org.switchboard.common.UserActions;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

/**
 * Creates a queue ({@code existing == null}) or edits one: every setting, and which agents work it
 * and which supervisors watch it. The service validates; its message is shown in the dialog.
 */
class QueueDialog extends Dialog {

    private final QueueService queues;
    private final QueueInfo existing;
    private final Runnable onSaved;

    final TextField name = new TextField("Name");
    final Select<QueueKind> kind = new Select<>();
    final IntegerField offerTimeout = seconds("Offer timeout", "How long an offer rings before it returns to the queue");
    final IntegerField wrapUp = seconds("Wrap-up", "0 = until the agent ends it");
    final IntegerField wrapUpExtension = seconds("Wrap-up extension", "An agent may extend wrap-up once by this much");
    final IntegerField maxWait = seconds("Maximum wait", "A contact waiting longer than this times out");
    final IntegerField serviceLevel = seconds("Service-level threshold", "Answered within this counts as in service level");
    final IntegerField chatCapacity = number("Chat capacity", "Chats one agent holds at once");
    final IntegerField priority = number("Priority", "Higher first when an agent's queues all have contacts waiting");
    final IntegerField missedOffers = number("Missed offers before pause", "Missed offers in a row that pause the agent");
    final MultiSelectComboBox<QueueInfo> sources = new MultiSelectComboBox<>("Source queues");
    final MultiSelectComboBox<UserSummary> agents = new MultiSelectComboBox<>("Agents");
    final MultiSelectComboBox<UserSummary> supervisors = new MultiSelectComboBox<>("Supervisors");
    final Div error = new Div();
    final Button save = new Button("Save");

    QueueDialog(QueueService queues, List<UserSummary> users, QueueInfo existing, Runnable onSaved) {
        this.queues = queues;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? "New queue" : "Edit " + existing.name());
        setWidth("min(760px, 95vw)");

        kind.setLabel("Kind");
        kind.setItems(QueueKind.values());
        kind.setItemLabelGenerator(QueueKind::label);
        kind.addValueChangeListener(e -> kindChanged(e.getValue(), e.isFromClient()));
        sources.setItems(queues.findAll().stream().filter(q -> q.kind() == QueueKind.CALL)
                .filter(q -> existing == null || q.id() != existing.id()).toList());
        sources.setItemLabelGenerator(QueueInfo::name);
        sources.setHelperText("Call queues whose abandoned calls this campaign dials back");

        agents.setItems(users.stream().filter(u -> u.has(Role.AGENT)).toList());
        agents.setItemLabelGenerator(QueueDialog::label);
        agents.setHelperText("Users with the Agent role who take this queue's contacts");
        supervisors.setItems(users.stream().filter(u -> u.has(Role.SUPERVISOR)).toList());
        supervisors.setItemLabelGenerator(QueueDialog::label);
        supervisors.setHelperText("Users with the Supervisor role who watch this queue");

        if (existing == null) {
            kind.setValue(QueueKind.CALL);
            fill(QueueSettings.defaults("", QueueKind.CALL));
        } else {
            kind.setValue(existing.kind());
            kind.setReadOnly(true);
            kind.setHelperText("A queue's kind cannot change");
            fill(existing.settings());
            Set<Long> agentIds = Set.copyOf(queues.usersOf(existing.id(), AssignmentRole.AGENT));
            Set<Long> supervisorIds = Set.copyOf(queues.usersOf(existing.id(), AssignmentRole.SUPERVISOR));
            agents.setValue(users.stream().filter(u -> agentIds.contains(u.id())).collect(Collectors.toSet()));
            supervisors.setValue(users.stream().filter(u -> supervisorIds.contains(u.id())).collect(Collectors.toSet()));
        }
        kindChanged(kind.getValue(), false);

        FormLayout settings = new FormLayout(name, kind, offerTimeout, wrapUp, wrapUpExtension, maxWait, serviceLevel,
                chatCapacity, priority, missedOffers, sources);
        settings.setColspan(sources, 2);
        FormLayout people = new FormLayout(agents, supervisors);
        people.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        TabSheet tabs = new TabSheet();
        tabs.add("Settings", settings);
        tabs.add("Agents and supervisors", people);
        tabs.setWidthFull();

        error.addClassName("form-error");
        error.setId("queue-error");
        error.setVisible(false);
        add(error, tabs);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void kindChanged(QueueKind value, boolean fromClient) {
        chatCapacity.setVisible(value == QueueKind.CHAT);
        sources.setVisible(value == QueueKind.CAMPAIGN);
        if (fromClient && value != null) {
            QueueSettings defaults = QueueSettings.defaults(name.getValue(), value);
            wrapUp.setValue(defaults.wrapUpSeconds());
            chatCapacity.setValue(defaults.chatCapacity());
        }
        if (value != QueueKind.CAMPAIGN) {
            sources.clear();
        }
    }

    private void fill(QueueSettings s) {
        name.setValue(s.name());
        offerTimeout.setValue(s.offerTimeoutSeconds());
        wrapUp.setValue(s.wrapUpSeconds());
        wrapUpExtension.setValue(s.wrapUpExtensionSeconds());
        maxWait.setValue(s.maxWaitSeconds());
        serviceLevel.setValue(s.serviceLevelSeconds());
        chatCapacity.setValue(s.chatCapacity());
        priority.setValue(s.priority());
        missedOffers.setValue(s.missedOffersBeforePause());
        Set<Long> ids = s.sourceQueueIds();
        sources.setValue(sources.getListDataView().getItems().filter(q -> ids.contains(q.id())).collect(Collectors.toSet()));
    }

    QueueSettings settings() {
        QueueKind k = kind.getValue();
        return new QueueSettings(name.getValue(), k, value(offerTimeout), value(wrapUp), value(wrapUpExtension),
                value(maxWait), value(serviceLevel), k == QueueKind.CHAT ? value(chatCapacity) : 1,
                priority.getValue() == null ? 0 : priority.getValue(), value(missedOffers),
                k == QueueKind.CAMPAIGN ? sources.getValue().stream().map(QueueInfo::id).collect(Collectors.toSet()) : Set.of());
    }

    private void save() {
        try {
            QueueInfo saved = existing == null ? queues.create(settings())
                    : queues.update(existing.id(), existing.version(), settings());
            Set<Long> agentIds = ids(agents.getValue());
            Set<Long> supervisorIds = ids(supervisors.getValue());
            if (existing == null || !agentIds.equals(Set.copyOf(queues.usersOf(saved.id(), AssignmentRole.AGENT)))) {
                queues.assign(saved.id(), AssignmentRole.AGENT, agentIds);
            }
            if (existing == null
                    || !supervisorIds.equals(Set.copyOf(queues.usersOf(saved.id(), AssignmentRole.SUPERVISOR)))) {
                queues.assign(saved.id(), AssignmentRole.SUPERVISOR, supervisorIds);
            }
            UserActions.success("Saved " + saved.name() + ".");
            close();
            onSaved.run();
        } catch (ValidationException | ConflictException ex) {
            showError(ex.getMessage());
        } catch (OptimisticLockingFailureException ex) {
            showError("Someone else changed this queue meanwhile. Reload and try again.");
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Set<Long> ids(Set<UserSummary> users) {
        return users.stream().map(UserSummary::id).collect(Collectors.toSet());
    }

    /** An empty field is out of every range, so the service names the setting in its message. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? Integer.MIN_VALUE : field.getValue();
    }

    static String label(UserSummary user) {
        return user.displayName() + " (" + user.username() + ")" + (user.enabled() ? "" : " – disabled");
    }

    private static IntegerField seconds(String label, String helper) {
        IntegerField field = number(label, helper);
        Div suffix = new Div("s");
        field.setSuffixComponent(suffix);
        return field;
    }

    private static IntegerField number(String label, String helper) {
        IntegerField field = new IntegerField(label);
        field.setHelperText(helper);
        field.setStepButtonsVisible(true);
        return field;
    }
}
