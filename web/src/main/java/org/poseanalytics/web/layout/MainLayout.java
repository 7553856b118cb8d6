package org.poseanalytics.web.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.CurrentUser;
import org.poseanalytics.web.account.Role;
import org.poseanalytics.web.account.UsersView;
import org.poseanalytics.web.audit.AuditView;
import org.poseanalytics.web.subject.SubjectsView;

/**
 * The frame of every signed-in page: app name, who is signed in, navigation, sign out. On tablets the menu is an
 * overlay behind the menu button and the header wraps (pa-layout.css).
 */
@PermitAll
@CssImport("./pa-ui/pa-layout.css")
public class MainLayout extends AppLayout {
    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        AccountPrincipal user = currentUser.get();

        Span title = new Span("Pose Analytics");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        title.addClassName("pa-title");
        Span clinic = new Span(user.clinicName());
        clinic.getStyle().set("color", "var(--lumo-secondary-text-color)");
        clinic.addClassName("pa-clinic");

        Span who = new Span(user.displayName() + " · " + user.role().label());
        who.setId("signed-in-user");
        who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        DrawerToggle menu = new DrawerToggle();
        menu.setId("menu-toggle");
        HorizontalLayout header = new HorizontalLayout(menu, title, clinic);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.getStyle().set("min-width", "0").set("flex", "1 1 auto");
        HorizontalLayout right = new HorizontalLayout(who, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.getStyle().set("min-width", "0").set("margin-left", "auto");
        HorizontalLayout bar = new HorizontalLayout(header, right);
        bar.setId("app-header");
        bar.addClassName("pa-header");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Subjects", SubjectsView.class, VaadinIcon.USERS.create()));
        if (currentUser.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem("Users", UsersView.class, VaadinIcon.KEY.create()));
            nav.addItem(new SideNavItem("Audit log", AuditView.class, VaadinIcon.LIST.create()));
        }
        nav.getStyle().set("margin", "var(--lumo-space-s)");
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}
