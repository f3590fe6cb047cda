package org.wenjin.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;

/** Application-wide page settings: server push (streaming answers) and the CSS-only theme. */
@Push
@Theme("wenjin")
@PWA(
    name = "Wenjin 问津",
    shortName = "Wenjin",
    offlineResources = {})
public class AppShell implements AppShellConfigurator {}
