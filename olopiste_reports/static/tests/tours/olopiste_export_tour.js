/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("olopiste_finance_export", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='olopiste_case.menu_olopiste_root']",
            content: "Open Olopiste",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='olopiste_reports.menu_olopiste_reporting']",
            content: "Open the reporting menu",
            run: "click",
        },
        {
            trigger: ".dropdown-item[data-menu-xmlid='olopiste_reports.menu_olopiste_reporting_exports']",
            content: "Open the funder exports",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=project_id] input",
            content: "Choose the project",
            run: "edit Tour export project",
        },
        {
            trigger: ".ui-autocomplete .dropdown-item:contains('Tour export project')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=date_to] input",
            run: "edit 06/30/2018",
        },
        {
            trigger: ".modal .o_field_widget[name=export] input[data-value='funder_summary']:checked",
            content: "The funder summary is chosen",
        },
        {
            trigger: ".modal footer button[name=action_export]",
            content: "Export",
            run: "click",
        },
        {
            trigger: "body:not(.o_ui_blocked) .modal footer button[name=action_export]",
            content: "The download is over",
        },
    ],
});
