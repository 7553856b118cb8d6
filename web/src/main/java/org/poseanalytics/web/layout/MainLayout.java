package org.poseanalytics.web.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.poseanalytics.web.account.AccountPrincipal;
import org.poseanalytics.web.account.CurrentUser;

/**
 * The frame of every signed-in page: app name, who is signed in, navigation, sign out. On tablets the menu is an
 * overlay behind the menu button and the header wraps (pa-layout.css). {@code @Layout} makes it the frame of every
 * route that does not opt out ({@code autoLayout = false}: sign-in, setup, invitation).
 */
@Layout
@PermitAll
@CssImport("./pa-ui/pa-layout.css")
public class MainLayout extends AppLayout {
    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, MenuByRole menus) {
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

        // The menu lists the routes marked @Menu that this user may open (Vaadin checks each route's @RolesAllowed),
        // so a page adds itself to the menu and the layout imports no page.
        SideNav nav = new SideNav();
        for (MenuEntry entry : menus.of(user.role())) {
            nav.addItem(new SideNavItem(entry.title(), entry.path(), icon(entry.icon())));
        }
        nav.getStyle().set("margin", "var(--lumo-space-s)");
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private static Icon icon(String name) {
        String[] collectionAndName = name.split(":", 2);
        return collectionAndName.length == 2 ? new Icon(collectionAndName[0], collectionAndName[1]) : new Icon(name);
    }
}
