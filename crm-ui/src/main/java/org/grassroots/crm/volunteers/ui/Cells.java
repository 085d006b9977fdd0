package org.grassroots.crm.volunteers.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** Grid cells of the volunteer screens: a main line with a quieter second line under it. */
final class Cells {

    private Cells() {
    }

    static Div twoLines(String main, String secondary) {
        return twoLines(new Span(main), secondary);
    }

    static Div twoLines(Component main, String secondary) {
        Span second = new Span(secondary);
        second.addClassName("muted");
        Div cell = new Div(main, second);
        cell.addClassName("two-lines");
        return cell;
    }
}
