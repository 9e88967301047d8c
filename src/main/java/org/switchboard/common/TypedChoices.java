package org.switchboard.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;

/** Multi-select boxes of names (tags, categories) that offer the known ones and take a new one typed with Enter. */
public final class TypedChoices {

    private TypedChoices() {
    }

    /** Offers {@code known}; a name typed and confirmed with Enter, trimmed, joins the choices and is selected. */
    public static void allowTyped(MultiSelectComboBox<String> box, Collection<String> known, String helperText) {
        List<String> choices = new ArrayList<>(known);
        box.setItems(choices);
        box.setAllowCustomValue(true);
        box.setHelperText(helperText);
        box.addCustomValueSetListener(e -> {
            String name = e.getDetail().trim();
            if (name.isEmpty()) {
                return;
            }
            if (!choices.contains(name)) {
                choices.add(name);
                box.setItems(choices);
            }
            Set<String> selected = new LinkedHashSet<>(box.getSelectedItems());
            selected.add(name);
            box.setValue(selected);
        });
    }
}
