package org.switchboard.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;
import org.switchboard.common.TransactionRetry;
import org.switchboard.common.UserActions;

/**
 * Every screen's last word on a change that still lost lock conflicts after its retries: the user
 * reads that nothing was changed and can try again, where Vaadin would only log it. Anything else goes
 * to Vaadin's own handler.
 */
@Component
class LockConflictMessages implements VaadinServiceInitListener, ErrorHandler {

    private final ErrorHandler others = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        if (UI.getCurrent() != null && TransactionRetry.lostALockConflict(event.getThrowable())) {
            UserActions.error(UserActions.BUSY);
        } else {
            others.error(event);
        }
    }
}
