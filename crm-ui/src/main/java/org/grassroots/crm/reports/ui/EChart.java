package org.grassroots.crm.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/**
 * An Apache ECharts chart, drawn in the browser from an option object. ECharts comes from its WebJar, served from
 * the class path (the version here must match {@code echarts.version} in the root pom); no frontend build.
 */
@Tag("div")
@JavaScript("context://webjars/echarts/5.5.0/echarts.min.js")
class EChart extends Component implements HasSize {

    private String option = "{}";

    EChart(String className) {
        addClassName("report-chart");
        addClassName(className);
        addAttachListener(e -> draw());
    }

    /** Draws the chart from an ECharts option object in JSON. */
    void setOption(String json) {
        this.option = json;
        draw();
    }

    String option() {
        return option;
    }

    private void draw() {
        getElement().setAttribute("data-option-length", Integer.toString(option.length()));
        getElement().executeJs("""
                const chart = echarts.getInstanceByDom(this) || echarts.init(this);
                chart.setOption(JSON.parse($0), true);
                if (!this.__resizing) {
                  this.__resizing = new ResizeObserver(() => chart.resize());
                  this.__resizing.observe(this);
                }""", option);
    }
}
