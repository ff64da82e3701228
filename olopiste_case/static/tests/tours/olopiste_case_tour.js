/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

const { DateTime } = luxon;

function moveTo(stage) {
    return [
        {
            trigger: `.o_statusbar_status button:not(.o_arrow_button_current):contains('${stage}')`,
            content: `Move the case to ${stage}`,
            run: "click",
        },
        {
            trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${stage}')`,
        },
    ];
}

registry.category("web_tour.tours").add("olopiste_case_path", {
    url: "/odoo/action-olopiste_case.olopiste_case_action",
    steps: () => [
        {
            trigger: ".o-kanban-button-new",
            content: "Meet a new client",
            run: "click",
        },
        {
            trigger: ".o_kanban_quick_create .o_field_widget[name=partner_id] input",
            run: "edit Tuuli Tourinen",
        },
        {
            trigger: ".o_field_widget[name=partner_id] .o_m2o_dropdown_option_create a",
            content: "Create the client",
            run: "click",
        },
        {
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tuuli Tourinen')",
            content: "Open the case",
            run: "click",
        },
        ...moveTo("Mapping"),
        ...moveTo("Engagement"),
        ...moveTo("Follow-on Path"),
        {
            trigger: ".o_notebook .nav-link:contains('Exit and Follow-up')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=date_exit] input",
            run: `edit ${DateTime.now().toFormat("MM/dd/yyyy")}`,
        },
        {
            trigger: ".o_field_widget[name=exit_situation] select",
            run: 'select "employed"',
        },
        {
            trigger: ".o_statusbar_status .dropdown-toggle",
            content: "Show the folded stages",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Closed')",
            content: "Close the case",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
        {
            trigger: ".o_form_view .o_form_saved, .o_form_view:not(:has(.o_form_status_indicator_buttons:not(.invisible)))",
        },
    ],
});
