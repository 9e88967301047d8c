package org.switchboard.dashboard.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.switchboard.dashboard.QueueDetails;
import org.switchboard.dashboard.QueueSnapshot;

/** A card's details in a dialog: contacts waiting, the queue's agents and their states, today by outcome and hour. */
class QueueDetailsDialog extends Dialog {

    QueueDetailsDialog(QueueSnapshot snapshot) {
        setHeaderTitle(snapshot.queue().name());
        setWidth("min(56rem, 95vw)");
        QueueDetails details = new QueueDetails();
        details.show(snapshot);
        add(details);
        getFooter().add(new Button(getTranslation("common.action.close"), e -> close()));
    }
}
