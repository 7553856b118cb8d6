package org.poseanalytics.web.layout;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.poseanalytics.web.account.Role;
import org.springframework.stereotype.Component;

/**
 * The menu entries of a role, as Vaadin lists them for the signed-in user (the routes marked {@code @Menu} whose access
 * annotations let them in), worked out once per role. A user's authorities are their role's (AccountPrincipal), so the
 * list is the same for every page of every user of that role, and listing it scans and checks every route: a few per
 * cent of each page view's server time under load (docs/BENCHMARKS.md, "Server under load", run 5).
 */
@Component
class MenuByRole {
    private final Map<Role, List<MenuEntry>> entries = new ConcurrentHashMap<>();

    /** The signed-in user's menu; {@code role} must be theirs. */
    List<MenuEntry> of(Role role) {
        return entries.computeIfAbsent(role, r -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }
}
