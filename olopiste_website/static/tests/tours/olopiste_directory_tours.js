/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

// A visitor on a phone looks for something to do with animals that has
// open places, and opens it.
registry.category("web_tour.tours").add("olopiste_directory_visitor", {
    steps: () => [
        {
            trigger: "h1:contains(Palvelut ja vapaat paikat)",
            content: "The directory opens in Finnish",
        },
        {
            trigger: ".o_olopiste_filters label:contains(Eläimet)",
            content: "Interested in animals",
            run: "click",
        },
        {
            trigger: ".o_olopiste_filters label:contains(Vain palvelut, joissa on vapaita paikkoja)",
            content: "Only services with open places",
            run: "click",
        },
        {
            trigger: ".o_olopiste_filter_submit",
            run: "click",
        },
        {
            trigger: ".o_olopiste_service_card a:contains(Vapaaehtoistyö eläinkodissa)",
            content: "The animal shelter's volunteering is found",
            run: "click",
        },
        {
            trigger: "h1:contains(Vapaaehtoistyö eläinkodissa)",
        },
        {
            trigger: ".o_olopiste_open_places:contains(Vapaita paikkoja: 4)",
            content: "Its open places and their dates",
        },
        {
            trigger: ".breadcrumb a[href='/palvelut']",
            content: "Back to the directory, searching by word",
            run: "click",
        },
        {
            trigger: "#o_olopiste_search",
            run: "edit seniorit",
        },
        {
            trigger: ".o_olopiste_filter_submit",
            run: "click",
        },
        {
            trigger: ".o_olopiste_service_card a:contains(Avoin kohtaamispaikka Kohtaamo)",
            content: "The search reads the organisation's name too",
        },
    ],
});

// An organisation proposes its service through the common form.
registry.category("web_tour.tours").add("olopiste_directory_proposal", {
    steps: () => [
        {
            trigger: ".o_olopiste_propose",
            content: "Add your service",
            run: "click",
        },
        {
            trigger: "#o_olopiste_organisation_name",
            run: "edit Kierrätyskeskus Tour ry",
        },
        {
            trigger: "#o_olopiste_contact_name",
            run: "edit Kirsi Kierrättäjä",
        },
        {
            trigger: "#o_olopiste_contact_email",
            run: "edit kirsi(at)example.com",
        },
        {
            trigger: "#o_olopiste_name",
            run: "edit Kierrätysmyymälän työkokeilu",
        },
        {
            trigger: "label:contains(Asiakaspalvelu ja myynti)",
            run: "click",
        },
        {
            trigger: "#o_olopiste_places",
            run: "edit 3",
        },
        {
            trigger: ".o_olopiste_submit",
            content: "Send with a mistyped e-mail address",
            run: "click",
        },
        {
            trigger: ".o_olopiste_form_errors a:contains(ei ole sähköpostiosoite)",
            content: "The mistake is named, and what was typed is kept",
        },
        {
            trigger: "input#o_olopiste_organisation_name[value='Kierrätyskeskus Tour ry']",
        },
        {
            trigger: "#o_olopiste_contact_email",
            run: "edit kirsi@example.com",
        },
        {
            trigger: ".o_olopiste_submit",
            run: "click",
        },
        {
            trigger: ".o_olopiste_thanks",
            content: "Received for review",
        },
    ],
});

// A project manager reviews the proposal and publishes it.
registry.category("web_tour.tours").add("olopiste_directory_review", {
    steps: () => [
        {
            trigger: ".o_data_row td:contains(Kierrätysmyymälän työkokeilu)",
            content: "The proposal waits for review",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_olopiste_publish",
            content: "Publish it",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Julkaistu)",
            content: "Published",
        },
    ],
});
