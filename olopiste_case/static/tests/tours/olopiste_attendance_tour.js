/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

const ROW = ".modal .o_field_widget[name=line_ids] .o_data_row";

function markPresent(row) {
    return {
        trigger: `${ROW}:nth-child(${row}) td[name=present] input`,
        content: `Mark participant ${row} present`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("olopiste_attendance_bulk", {
    steps: () => [
        {
            trigger: ".o_form_view button[name=action_olopiste_record_attendance]",
            content: "Record the session's attendance",
            run: "click",
        },
        {
            trigger: `${ROW}:nth-child(10)`,
            content: "The ten invited clients are listed",
        },
        ...[1, 2, 3, 4, 5, 6, 7, 8].map(markPresent),
        {
            trigger: `${ROW}:nth-child(8) td[name=present] input:checked`,
        },
        {
            trigger: `${ROW}:nth-child(1) td[name=hours]`,
            content: "The first participant left early",
            run: "click",
        },
        {
            trigger: `${ROW}:nth-child(1) td[name=hours] input`,
            run: "edit 01:30",
        },
        {
            trigger: ".modal .o_field_x2many_list_row_add a",
            content: "Add a walk-in client",
            run: "click",
        },
        {
            trigger: `${ROW}.o_selected_row td[name=new_client_name] input`,
            run: "edit Walk-in Visitor",
        },
        {
            // a walk-in came: present for the session's hours from the start
            trigger: `${ROW}.o_selected_row td[name=present] input:checked`,
        },
        {
            trigger: `${ROW}.o_selected_row td[name=hours] input:value(03:00)`,
        },
        {
            trigger: `${ROW}.o_selected_row td[name=hours] input`,
            run: "edit 02:30",
        },
        {
            trigger: ".modal-footer button[name=action_save]",
            content: "Save the whole session at once",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_form_view button[name=action_olopiste_record_attendance] .o_stat_value:contains('9')",
        },
    ],
});
