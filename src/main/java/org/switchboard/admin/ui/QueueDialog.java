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
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.switchboard.common.UserActions;
import org.switchboard.common.ConflictException;
import org.switchboard.common.Refusal;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

/**
 * Creates a queue ({@code existing == null}) or edits one: every setting, and which agents work it
 * and which supervisors watch it. The settings' constraints show beside each field; what needs the
 * database (a taken name, a stale edit) comes back from the service and shows above the tabs.
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
    private final BeanValidationBinder<QueueSettings> binder = new BeanValidationBinder<>(QueueSettings.class);

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

        bind();
        if (existing == null) {
            binder.readRecord(QueueSettings.defaults("", QueueKind.CALL));
        } else {
            binder.readRecord(existing.settings());
            kind.setReadOnly(true);
            kind.setHelperText("A queue's kind cannot change");
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

    /** Each setting to its field; an emptied number field says which setting it needs. */
    private void bind() {
        binder.forField(name).bind("name");
        binder.forField(kind).bind("kind");
        required(offerTimeout, "Enter the offer timeout.").bind("offerTimeoutSeconds");
        required(wrapUp, "Enter the wrap-up time (0 = until the agent ends it).").bind("wrapUpSeconds");
        required(wrapUpExtension, "Enter the wrap-up extension.").bind("wrapUpExtensionSeconds");
        required(maxWait, "Enter the maximum wait.").bind("maxWaitSeconds");
        required(serviceLevel, "Enter the service-level threshold.").bind("serviceLevelSeconds");
        required(chatCapacity, "Enter the chat capacity.").bind("chatCapacity");
        required(priority, "Enter the priority (0 when in doubt).").bind("priority");
        required(missedOffers, "Enter the missed offers before pause.").bind("missedOffersBeforePause");
        binder.forField(sources).withConverter(Converter.<Set<QueueInfo>, Set<Long>>from(
                chosen -> Result.ok(chosen.stream().map(QueueInfo::id).collect(Collectors.toSet())),
                ids -> sources.getListDataView().getItems().filter(q -> ids.contains(q.id())).collect(Collectors.toSet())))
                .bind("sourceQueueIds");
    }

    private Binder.BindingBuilder<QueueSettings, Integer> required(IntegerField field, String message) {
        return binder.forField(field).asRequired(message);
    }

    private void save() {
        QueueSettings settings;
        try {
            settings = binder.writeRecord();
        } catch (ValidationException invalid) {
            return; // the fields say what to fix
        }
        try {
            QueueInfo saved = existing == null ? queues.create(settings)
                    : queues.update(existing.id(), existing.version(), settings);
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
        } catch (Refusal ex) {
            showError(ex.in(getLocale()));
        } catch (OptimisticLockingFailureException ex) {
            showError(ConflictException.STALE.in(getLocale()));
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Set<Long> ids(Set<UserSummary> users) {
        return users.stream().map(UserSummary::id).collect(Collectors.toSet());
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
