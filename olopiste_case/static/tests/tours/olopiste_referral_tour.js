/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

const { DateTime } = luxon;

function pick(field, text) {
    return [
        {
            trigger: `.o_field_widget[name=${field}] input`,
            run: `edit ${text}`,
        },
        {
            trigger: `.o_field_widget[name=${field}] .o-autocomplete--dropdown-item:not(.o_m2o_dropdown_option) a:contains('${text}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("olopiste_referral_handover", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link:contains('Entry Data')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=consent_handover_date] input",
            content: "Record the client's consent to a warm handover",
            run: `edit ${DateTime.now().toFormat("MM/dd/yyyy")}`,
        },
        {
            trigger: ".o_notebook .nav-link:contains('Follow-on Paths')",
            run: "click",
        },
        {
            trigger: "button[name=action_new_referral]",
            content: "Plan a follow-on path",
            run: "click",
        },
        ...pick("followon_type_id", "Work trial"),
        ...pick("organisation_id", "Kitchen Workshop"),
        ...pick("contact_id", "Riikka Receiver"),
        {
            trigger: ".o_field_widget[name=handover_summary] .odoo-editor-editable",
            content: "Write what the workshop needs to know",
            run: "editor Prefers mornings and has a hygiene passport.",
        },
        {
            trigger: "button[name=action_send_handover]",
            content: "Send the handover",
            run: "click",
        },
        {
            trigger: ".modal button.o_mail_send:visible",
            content: "Send the e-mail with the summary",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Referred')",
        },
    ],
});

registry.category("web_tour.tours").add("olopiste_handover_accept", {
    steps: () => [
        {
            trigger: ".o_olopiste_handover_summary:contains('hygiene passport')",
            content: "The receiving organisation reads the summary",
        },
        {
            trigger: ".o_olopiste_accept",
            content: "Accept the client",
            run: "click",
        },
        {
            trigger: ".o_olopiste_handover_answered",
        },
    ],
});
