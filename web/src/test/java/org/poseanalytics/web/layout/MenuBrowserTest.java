package org.poseanalytics.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.poseanalytics.web.account.AccountService;
import org.poseanalytics.web.account.Invitation;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.testing.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The menu is built from the pages' {@code @Menu} metadata and each page's access rule: an admin sees the clinic's
 * users and the audit log, a viewer sees only the subjects (and cannot open the users page by its address).
 */
class MenuBrowserTest extends BrowserTest {
    @Autowired AccountService accounts;

    @Test
    void theMenuListsThePagesTheUserMayOpen() throws Exception {
        String admin = newClinicAdmin("Menu Clinic", "Admin Mia");
        String viewer = admin + "-viewer";
        as(admin, () -> {
            Invitation inv = accounts.invite(viewer, "Viewer Val", Role.VIEWER);
            accounts.acceptInvite(inv.token(), PASSWORD, PASSWORD);
            return null;
        });

        signInThroughPage(admin);
        assertThat(menu()).containsExactly("Subjects", "Users", "Audit log", "API tokens");
        find(By.id("sign-out")).click();
        waitFor(By.tagName("vaadin-login-form"));

        signInThroughPage(viewer);
        assertThat(menu()).containsExactly("Subjects", "API tokens");
        open("/users");
        // Vaadin answers a page the role may not open as one that does not exist, revealing nothing about it
        waitForText(By.tagName("h2"), "Page not found");
        assertThat(driver.findElements(By.id("add-user"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> menu() {
        waitFor(By.tagName("vaadin-side-nav-item"));
        return (List<String>) js("return Array.from(document.querySelectorAll('vaadin-side-nav-item')).map(e => e.textContent.trim());");
    }
}
