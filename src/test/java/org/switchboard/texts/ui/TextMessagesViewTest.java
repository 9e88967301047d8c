package org.switchboard.texts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.texts.TextMessage;
import org.switchboard.texts.TextMessageForm;
import org.switchboard.texts.TextMessageService;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class TextMessagesViewTest extends SpringBrowserlessTest {

    @Autowired
    TextMessageService texts;

    static String unique() {
        return "/v" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The view bean is a security proxy, so its components are found on the page instead. */
    record Screen(Button add, Grid<TextMessage> grid, TextField search, ComboBox<String> category) {
    }

    @SuppressWarnings("unchecked")
    Screen open() {
        navigate(TextMessagesView.class);
        return new Screen($(Button.class).withText("+Add new pre-saved text message").single(),
                $(Grid.class).single(), $(TextField.class).single(), $(ComboBox.class).single());
    }

    int rowOf(Grid<TextMessage> grid, String shortcut) {
        var tester = test(grid);
        return IntStream.range(0, tester.size()).filter(i -> tester.getRow(i).shortcut().equals(shortcut))
                .findFirst().orElse(-1);
    }

    @Test
    @WithUserDetails("agent1")
    void agentAddsEditsAndDeletesOwnMessageWithConfirmation() {
        Screen view = open();
        String shortcut = unique();

        test(view.add).click();
        TextMessageDialog dialog = $(TextMessageDialog.class).single();
        assertThat(dialog.publicMessage.isVisible()).isFalse();
        test(dialog.title).setValue("Parcel delay");
        test(dialog.shortcut).setValue("bad shortcut");
        test(dialog.body).setValue("Hi {customer.name}, your parcel is late.");
        assertThat(dialog.body.getHelperText()).startsWith("40/2000");
        test(dialog.save).click();
        assertThat(dialog.shortcut.isInvalid()).as("the field says what is wrong").isTrue();
        assertThat(dialog.shortcut.getErrorMessage()).contains("The shortcut must be a /");
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.shortcut).setValue(shortcut);
        dialog.categories.setValue(Set.of("Delivery"));
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();
        int row = rowOf(view.grid, shortcut);
        assertThat(row).isNotNegative();
        assertThat(test(view.grid).getRow(row).categories()).containsExactly("Delivery");
        assertThat(test(view.grid).getRow(row).isPublic()).isFalse();

        // search narrows the list
        test(view.search).setValue(shortcut);
        assertThat(test(view.grid).size()).isEqualTo(1);
        test(view.search).setValue("");

        // edit on row click
        test(view.grid).clickRow(rowOf(view.grid, shortcut));
        TextMessageDialog edit = $(TextMessageDialog.class).single();
        assertThat(edit.title.getValue()).isEqualTo("Parcel delay");
        test(edit.title).setValue("Parcel delayed");
        test(edit.save).click();
        assertThat(test(view.grid).getRow(rowOf(view.grid, shortcut)).title()).isEqualTo("Parcel delayed");

        // delete asks first; cancel keeps it, confirm removes it
        HorizontalLayout actions = (HorizontalLayout) test(view.grid).getCellComponent(rowOf(view.grid, shortcut), 5);
        Button delete = (Button) actions.getComponentAt(1);
        test(delete).click();
        test($(ConfirmDialog.class).single()).cancel();
        assertThat(rowOf(view.grid, shortcut)).isNotNegative();
        test(delete).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
        test(confirm).confirm();
        assertThat(rowOf(view.grid, shortcut)).isNegative();
    }

    @Test
    @WithUserDetails("agent1")
    void agentSeesPublicMessagesReadOnly() {
        Screen view = open();
        int row = rowOf(view.grid, "/hours");
        assertThat(row).isNotNegative();
        assertThat(test(view.grid).getRow(row).isPublic()).isTrue();
        HorizontalLayout actions = (HorizontalLayout) test(view.grid).getCellComponent(row, 5);
        assertThat(actions.getComponentCount()).isZero();

        test(view.grid).clickRow(row);
        TextMessageDialog dialog = $(TextMessageDialog.class).single();
        assertThat(dialog.title.isReadOnly()).isTrue();
        assertThat(dialog.body.isReadOnly()).isTrue();
        assertThat(dialog.save.isAttached()).isFalse();
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorCreatesPublicMessageAndFiltersByCategory() {
        Screen view = open();
        String shortcut = unique();
        String category = "Cat" + shortcut.substring(2);
        test(view.add).click();
        TextMessageDialog dialog = $(TextMessageDialog.class).single();
        assertThat(dialog.publicMessage.isVisible()).isTrue();
        test(dialog.title).setValue("Store closed");
        test(dialog.shortcut).setValue(shortcut);
        test(dialog.body).setValue("Our store is closed today.");
        dialog.categories.setValue(Set.of(category));
        test(dialog.publicMessage).click();
        test(dialog.save).click();
        assertThat(dialog.isOpened()).isFalse();

        view.category.setValue(category);
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).isPublic()).isTrue();
        assertThat(((Span) test(view.grid).getCellComponent(0, 3)).getText()).isEqualTo("Public");

        // a second public message with the same shortcut is refused with a clear message
        test(view.add).click();
        TextMessageDialog again = $(TextMessageDialog.class).single();
        test(again.title).setValue("Other");
        test(again.shortcut).setValue(shortcut);
        test(again.body).setValue("x");
        test(again.publicMessage).click();
        test(again.save).click();
        assertThat(again.error.getText()).isEqualTo("The shortcut " + shortcut
                + " is already used by the public message \"Store closed\". Choose another shortcut.");
        TextMessage stored = texts.list(shortcut, null).getFirst();
        texts.delete(stored.id());
    }

    @Test
    @WithUserDetails("agent1")
    void personalMessageFormHasNoPublicOption() {
        TextMessage own = texts.create(new TextMessageForm("Mine", unique(), Set.of(), "text", false));
        Screen view = open();
        test(view.grid).clickRow(rowOf(view.grid, own.shortcut()));
        TextMessageDialog dialog = $(TextMessageDialog.class).single();
        assertThat(dialog.publicMessage.isVisible()).isFalse();
        assertThat(dialog.save.isAttached()).isTrue();
        texts.delete(own.id());
    }
}
