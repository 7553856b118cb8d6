package org.poseanalytics.web;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/** Vaadin 25 ships unstyled: Lumo is switched on here. Push lets upload results appear as soon as they are stored. */
@Push
@StyleSheet(Lumo.STYLESHEET)
public class AppShell implements AppShellConfigurator {}
