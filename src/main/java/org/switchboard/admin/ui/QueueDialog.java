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

    final TextField name = new TextField(getTranslation("admin.queue.name"));
    final Select<QueueKind> kind = new Select<>();
    final IntegerField offerTimeout = seconds("admin.queue.offer-timeout");
    final IntegerField wrapUp = seconds("admin.queue.wrap-up");
    final IntegerField wrapUpExtension = seconds("admin.queue.wrap-up-extension");
    final IntegerField maxWait = seconds("admin.queue.max-wait");
    final IntegerField serviceLevel = seconds("admin.queue.service-level");
    final IntegerField chatCapacity = number("admin.queue.chat-capacity");
    final IntegerField priority = number("admin.queue.priority");
    final IntegerField missedOffers = number("admin.queue.missed-offers");
    final MultiSelectComboBox<QueueInfo> sources = new MultiSelectComboBox<>(getTranslation("admin.queue.sources"));
    final MultiSelectComboBox<UserSummary> agents = new MultiSelectComboBox<>(getTranslation("admin.queue.agents"));
    final MultiSelectComboBox<UserSummary> supervisors = new MultiSelectComboBox<>(getTranslation("admin.queue.supervisors"));
    final Div error = new Div();
    final Button save = new Button(getTranslation("common.action.save"));
    private final BeanValidationBinder<QueueSettings> binder = new BeanValidationBinder<>(QueueSettings.class);

    QueueDialog(QueueService queues, List<UserSummary> users, QueueInfo existing, Runnable onSaved) {
        this.queues = queues;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(existing == null ? getTranslation("admin.queue.new") : getTranslation("admin.queue.edit", existing.name()));
        setWidth("min(760px, 95vw)");

        kind.setLabel(getTranslation("admin.queue.kind"));
        kind.setItems(QueueKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.key()));
        kind.addValueChangeListener(e -> kindChanged(e.getValue(), e.isFromClient()));
        sources.setItems(queues.findAll().stream().filter(q -> q.kind() == QueueKind.CALL)
                .filter(q -> existing == null || q.id() != existing.id()).toList());
        sources.setItemLabelGenerator(QueueInfo::name);
        sources.setHelperText(getTranslation("admin.queue.sources-help"));

        agents.setItems(users.stream().filter(u -> u.has(Role.AGENT)).toList());
        agents.setItemLabelGenerator(this::label);
        agents.setHelperText(getTranslation("admin.queue.agents-help"));
        supervisors.setItems(users.stream().filter(u -> u.has(Role.SUPERVISOR)).toList());
        supervisors.setItemLabelGenerator(this::label);
        supervisors.setHelperText(getTranslation("admin.queue.supervisors-help"));

        bind();
        if (existing == null) {
            binder.readRecord(QueueSettings.defaults("", QueueKind.CALL));
        } else {
            binder.readRecord(existing.settings());
            kind.setReadOnly(true);
            kind.setHelperText(getTranslation("admin.queue.kind-fixed"));
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
        tabs.add(getTranslation("admin.queue.settings"), settings);
        tabs.add(getTranslation("admin.queue.people"), people);
        tabs.setWidthFull();

        error.addClassName("form-error");
        error.setId("queue-error");
        error.setVisible(false);
        add(error, tabs);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("common.action.cancel"), e -> close()), save);
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
        required(offerTimeout, "admin.queue.offer-timeout-required").bind("offerTimeoutSeconds");
        required(wrapUp, "admin.queue.wrap-up-required").bind("wrapUpSeconds");
        required(wrapUpExtension, "admin.queue.wrap-up-extension-required").bind("wrapUpExtensionSeconds");
        required(maxWait, "admin.queue.max-wait-required").bind("maxWaitSeconds");
        required(serviceLevel, "admin.queue.service-level-required").bind("serviceLevelSeconds");
        required(chatCapacity, "admin.queue.chat-capacity-required").bind("chatCapacity");
        required(priority, "admin.queue.priority-required").bind("priority");
        required(missedOffers, "admin.queue.missed-offers-required").bind("missedOffersBeforePause");
        binder.forField(sources).withConverter(Converter.<Set<QueueInfo>, Set<Long>>from(
                chosen -> Result.ok(chosen.stream().map(QueueInfo::id).collect(Collectors.toSet())),
                ids -> sources.getListDataView().getItems().filter(q -> ids.contains(q.id())).collect(Collectors.toSet())))
                .bind("sourceQueueIds");
    }

    /** {@code key}: the bundle's text that says which setting the emptied field needs. */
    private Binder.BindingBuilder<QueueSettings, Integer> required(IntegerField field, String key) {
        return binder.forField(field).asRequired(getTranslation(key));
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
            UserActions.success("admin.queue.saved", saved.name());
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

    String label(UserSummary user) {
        return getTranslation(user.enabled() ? "admin.queue.user" : "admin.queue.user-disabled", user.displayName(), user.username());
    }

    private IntegerField seconds(String key) {
        IntegerField field = number(key);
        Div suffix = new Div(getTranslation("admin.queue.seconds"));
        field.setSuffixComponent(suffix);
        return field;
    }

    /** A number field labelled by the bundle's {@code key}, explained by {@code key}-help. */
    private IntegerField number(String key) {
        IntegerField field = new IntegerField(getTranslation(key));
        field.setHelperText(getTranslation(key + "-help"));
        field.setStepButtonsVisible(true);
        return field;
    }
}
