/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

// The manager's and finance's journeys in Finnish, each run on a laptop
// (1440 px) and on a phone (390 px).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("olopiste_fi_manager_dashboard", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name=project_id] input:value(Koontihanke)",
            content: "The manager's running project opens",
        },
        {
            trigger: ".o_olopiste_dashboard_charts canvas",
            content: "The charts are drawn",
        },
        {
            trigger: ".o_olopiste_dashboard_charts .card-title:contains(Asiakkaat tavoitteeseen verrattuna)",
        },
        {
            trigger: ".o_olopiste_dashboard th:contains(Tavoitteesta)",
        },
        {
            trigger: ".o_olopiste_dashboard td:contains('2 / 3 asiakasta (67 %)')",
            content: "Two of the three clients on a path today",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=date_to] input",
            content: "Look back to the end of the first year, in Finnish date format",
            run: "edit 31.12.2021",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=project_id]",
            run: "click",
        },
        {
            trigger: ".o_olopiste_dashboard td:contains('1 / 2 asiakasta (50 %)')",
            content: "On that day one of the two clients was on a path",
        },
        {
            isActive: ["desktop"],
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_print]:contains(Tulosta)",
            content: "The printout for the steering group is at hand",
        },
        {
            trigger: ".o_form_view .o_form_button_save",
            content: "Keep the dashboard of that day",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible:not(:visible)",
        },
    ],
});

registry.category("web_tour.tours").add("olopiste_fi_finance_export", {
    steps: () => [
        {
            trigger: ".modal .modal-title:contains(Rahoittajaraportit)",
        },
        {
            isActive: ["desktop"],
            trigger: ".modal .o_field_widget[name=project_id] input",
            content: "Valitse hanke",
            run: "edit Vientihanke",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal .o_field_widget[name=project_id] input",
            content: "Valitse hanke: the phone lists the projects",
            run: "click",
        },
        {
            isActive: ["desktop"],
            trigger: ".ui-autocomplete .dropdown-item:contains(Vientihanke)",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal .o_kanban_record:contains(Vientihanke)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=date_to] input",
            run: "edit 30.06.2018",
        },
        {
            trigger: ".modal .o_field_widget[name=export] input[data-value='funder_summary']:checked",
            content: "Rahoittajan yhteenveto is chosen",
        },
        {
            trigger: ".modal footer button[name=action_export]",
            content: "Vie",
            run: "click",
        },
        {
            trigger: "body:not(.o_ui_blocked) .modal footer button[name=action_export]",
            content: "The download is over",
        },
    ],
});
