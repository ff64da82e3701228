/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

const HEADER =
    "Client Name,Client Birthdate,Client Gender,Project,Area,Stage,Entry Date";

function row(name, stage = "Engagement", entry = "2016-02-01") {
    return `${name},1970-05-05,Female,Tuontihanke,Keskusta,${stage},${entry}`;
}

// two good rows, an unknown stage and a date that does not exist
const CSV = [
    HEADER,
    row("Aino Tuonti"),
    row("Eino Tuonti", "Valmis"),
    row("Ilmari Tuonti", "Engagement", "2016-13-45"),
    row("Kalle Tuonti"),
].join("\n");

registry.category("web_tour.tours").add("olopiste_import_valid_rows", {
    url: "/odoo/action-olopiste_case.olopiste_case_action",
    steps: () => [
        {
            trigger: ".o_control_panel .o_cp_action_menus .dropdown-toggle",
            content: "Open the actions menu",
            run: "click",
        },
        {
            trigger: ".o_import_menu",
            content: "Import records",
            run: "click",
        },
        {
            trigger: ".o_control_panel button.o_import_file",
        },
        {
            trigger: ".o_control_panel input.o_input_file:not(:visible)",
            content: "Upload the clients' file",
            run() {
                const file = new File([CSV], "clients.csv", { type: "text/csv" });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            trigger: ".o_import_data_content:contains('Client Name')",
        },
        {
            trigger: ".o_olopiste_valid_rows input",
            content: "Import the valid rows and leave out the rest",
            run: "click",
        },
        {
            trigger: ".o_olopiste_valid_rows input:checked",
        },
        {
            trigger: ".o_control_panel button.btn-primary:contains('Import')",
            run: "click",
        },
        {
            trigger:
                ".o_import_action :contains('2 rows imported; 2 rows with errors (rows 2, 3) were left out.')",
        },
    ],
});
