/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, onWillStart, useEffect, useRef } from "@odoo/owl";
import { loadBundle } from "@web/core/assets";
import { getColor, hexToRGBA } from "@web/core/colors/colors";
import { cookie } from "@web/core/browser/cookie";
import { formatFloat } from "@web/core/utils/numbers";
import { registry } from "@web/core/registry";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The project dashboard's charts: the clients month by month against the
 * target's pace, and each share against its target. The data, titles and
 * labels come translated from the server (olopiste.dashboard._charts).
 */
export class DashboardChartsField extends Component {
    static template = "olopiste_reports.DashboardChartsField";
    static props = { ...standardFieldProps };

    setup() {
        this.clientsRef = useRef("clients");
        this.sharesRef = useRef("shares");
        this.charts = [];
        onWillStart(() => loadBundle("web.chartjs_lib"));
        useEffect(
            () => {
                this.renderCharts();
                return () => this.destroyCharts();
            },
            () => [this.props.record.data[this.props.name]]
        );
    }

    get data() {
        return this.props.record.data[this.props.name] || {};
    }

    get hasShares() {
        return Boolean(this.data.shares?.labels?.length);
    }

    get hasClients() {
        return Boolean(this.data.clients?.labels?.length);
    }

    destroyCharts() {
        for (const chart of this.charts) {
            chart.destroy();
        }
        this.charts = [];
    }

    datasets(chart, type) {
        const scheme = cookie.get("color_scheme");
        return chart.datasets.map((dataset) => {
            const color = getColor(dataset.target ? 1 : 0, scheme, "sm");
            return {
                label: dataset.label,
                data: dataset.data,
                borderColor: color,
                backgroundColor: hexToRGBA(color, type === "line" && !dataset.target ? 0.2 : 0.8),
                borderDash: type === "line" && dataset.target ? [6, 4] : [],
                borderWidth: 2,
                fill: type === "line" && !dataset.target ? "start" : false,
                pointRadius: type === "line" ? 0 : undefined,
                tension: 0,
            };
        });
    }

    tooltip() {
        const decimals = (value) => (Number.isInteger(value) ? 0 : 1);
        return {
            callbacks: {
                label: (item) =>
                    `${item.dataset.label}: ${formatFloat(item.raw, { digits: [false, decimals(item.raw)] })}`,
            },
        };
    }

    renderCharts() {
        this.destroyCharts();
        const ticks = {
            callback: (value) => formatFloat(value, { digits: [false, 0] }),
        };
        if (this.hasClients) {
            this.charts.push(
                new Chart(this.clientsRef.el, {
                    type: "line",
                    data: {
                        labels: this.data.clients.labels,
                        datasets: this.datasets(this.data.clients, "line"),
                    },
                    options: {
                        maintainAspectRatio: false,
                        interaction: { mode: "index", intersect: false },
                        scales: { y: { beginAtZero: true, ticks } },
                        plugins: { tooltip: this.tooltip() },
                    },
                })
            );
        }
        if (this.hasShares) {
            this.charts.push(
                new Chart(this.sharesRef.el, {
                    type: "bar",
                    data: {
                        labels: this.data.shares.labels,
                        datasets: this.datasets(this.data.shares, "bar"),
                    },
                    options: {
                        indexAxis: "y",
                        maintainAspectRatio: false,
                        scales: {
                            x: {
                                beginAtZero: true,
                                suggestedMax: 100,
                                ticks: {
                                    callback: (value) =>
                                        `${formatFloat(value, { digits: [false, 0] })} %`,
                                },
                            },
                        },
                        plugins: { tooltip: this.tooltip() },
                    },
                })
            );
        }
    }
}

export const dashboardChartsField = {
    component: DashboardChartsField,
    supportedTypes: ["json"],
};

registry.category("fields").add("olopiste_dashboard_charts", dashboardChartsField);
