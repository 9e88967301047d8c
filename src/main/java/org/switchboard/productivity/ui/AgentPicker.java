package org.switchboard.productivity.ui;

import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import org.switchboard.productivity.AgentChoice;

/** Whose figures to show; only there when the user may see more than its own (a supervisor). */
class AgentPicker extends ComboBox<AgentChoice> {

    AgentPicker(List<AgentChoice> choices) {
        setLabel(getTranslation("productivity.activity.agent"));
        setId("activity-agent");
        setItems(choices);
        setItemLabelGenerator(AgentChoice::displayName);
        setAllowCustomValue(false);
        setVisible(choices.size() > 1);
        if (!choices.isEmpty()) {
            setValue(choices.getFirst());
        }
    }
}
