/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("olopiste_project_create", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='olopiste_case.menu_olopiste_root']",
            content: "Open Olopiste",
            run: "click",
        },
        {
            trigger: ".o_main_navbar [data-menu-xmlid='olopiste_case.menu_olopiste_project']",
            content: "Open the projects",
            run: "click",
        },
        {
            trigger: ".o-kanban-button-new",
            content: "Create a project",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour project",
        },
        {
            trigger: ".o_field_widget[name=code] input",
            run: "edit TOUR-1",
        },
        {
            trigger: ".o_field_widget[name=programme] select",
            run: 'select "esf_2014"',
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".breadcrumb-item:not(.active) a",
            content: "Back to the projects",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour project')",
        },
    ],
});
