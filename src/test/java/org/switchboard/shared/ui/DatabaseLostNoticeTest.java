package org.switchboard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.database.DatabaseWatch;
import org.switchboard.database.EmbeddedDatabaseOutage;

/** An open screen says when the database is lost, instead of hanging, and stops saying so once it is back. */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class DatabaseLostNoticeTest extends SpringBrowserlessTest {

    @Autowired
    DatabaseWatch watch;

    private boolean bannerShown() {
        return $(Notification.class).withId(DatabaseLostNotice.ID).all().stream().anyMatch(Notification::isOpened);
    }

    @Test
    @WithUserDetails("agent1")
    void anOpenScreenShowsTheLostDatabaseUntilItIsBack() throws Exception {
        navigate("", Component.class);
        assertThat(bannerShown()).isFalse();

        EmbeddedDatabaseOutage.begin();
        try {
            watch.check();
            roundTrip();
            assertThat(bannerShown()).isTrue();
            assertThat($(Notification.class).withId(DatabaseLostNotice.ID).single().getElement().getTextRecursively())
                    .contains("connection to the database is lost");
        } finally {
            EmbeddedDatabaseOutage.end();
        }

        // The pool reconnects on its own schedule (a few seconds after the server is back).
        await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> {
            watch.check();
            roundTrip();
            return !bannerShown();
        });
    }
}
