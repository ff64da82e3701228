/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

// A day's journeys in Finnish, each run on a laptop (1440 px) and on a
// phone (390 px): the steps marked "desktop" or "mobile" are the screen's own.

import { registry } from "@web/core/registry";

const ROW = ".modal .o_field_widget[name=line_ids] .o_data_row";
const CARD = ".modal .o_field_widget[name=line_ids] .o_kanban_record:not(.o_kanban_ghost)";

registry.category("web_tour.tours").add("olopiste_fi_worker_attendance", {
    steps: () => [
        {
            isActive: ["desktop"],
            trigger: ".o_form_view .oe_stat_button[name=action_olopiste_record_attendance]",
            content: "Kirjaa osallistuminen",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: ".o_form_view .d-md-none button[name=action_olopiste_record_attendance]:contains(Kirjaa osallistuminen)",
            content: "Kirjaa osallistuminen: a button of the phone's width",
            run: "click",
        },
        {
            trigger: ".modal .modal-title:contains(Osallistumiset)",
        },
        // laptop: a row a person, hours in the row
        {
            isActive: ["desktop"],
            trigger: `${ROW}:nth-child(3)`,
        },
        ...[1, 2].map((row) => ({
            isActive: ["desktop"],
            trigger: `${ROW}:nth-child(${row}) td[name=present] input`,
            run: "click",
        })),
        {
            isActive: ["desktop"],
            trigger: `${ROW}:nth-child(1) td[name=hours]`,
            run: "click",
        },
        {
            isActive: ["desktop"],
            trigger: `${ROW}:nth-child(1) td[name=hours] input`,
            run: "edit 01:30",
        },
        // phone: a card a person, the toggles at hand, the hours in its form
        {
            isActive: ["mobile"],
            trigger: `${CARD}:nth-child(3):contains(Paikalla)`,
        },
        ...[1, 2].map((card) => ({
            isActive: ["mobile"],
            trigger: `${CARD}:nth-child(${card}) .o_field_widget[name=present] input`,
            run: "click",
        })),
        {
            isActive: ["mobile"],
            trigger: `${CARD}:nth-child(1) .o_field_widget[name=present] input:checked`,
        },
        {
            isActive: ["mobile"],
            trigger: `${CARD}:nth-child(1) .fw-bold`,
            content: "Open the first card to change the hours",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal:not(:has(.o_field_widget[name=line_ids])) .o_field_widget[name=hours] input",
            run: "edit 01:30",
        },
        {
            isActive: ["mobile"],
            trigger: ".modal:not(:has(.o_field_widget[name=line_ids])) .o_form_button_save",
            run: "click",
        },
        {
            isActive: ["mobile"],
            trigger: `${CARD}:nth-child(1):contains(01:30)`,
        },
        {
            trigger: ".modal-footer button[name=action_save]:contains(Tallenna)",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("olopiste_fi_trainee_case", {
    steps: () => [
        {
            trigger: ".o_kanban_view .o_column_title:contains(Kohtaaminen)",
            content: "The stages in Finnish",
        },
        {
            trigger: ".o_kanban_record:contains(Ella Esimerkki)",
            content: "Open the client's case",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_id]:contains(Ella Esimerkki)",
        },
        {
            trigger: ".o_form_view .o_notebook .nav-link:contains(Aloitustiedot)",
        },
        {
            content: "A trainee sees no special categories, notes or chatter",
            trigger: ".o_form_view:not(:has(.o_field_widget[name=disability])):not(:has(.o_field_widget[name=minority])):not(:has(.o_field_widget[name=note])):not(:has(.o-mail-Chatter))",
        },
    ],
});
