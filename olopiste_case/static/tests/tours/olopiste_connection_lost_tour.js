/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

// The server answers an action with a lost database connection: the user
// reads what happened and what to do, in their language, not a traceback.
registry.category("web_tour.tours").add("olopiste_connection_lost", {
    steps: () => [
        {
            // the screen's action loaded: a later one would close the dialog
            trigger: ".o_kanban_view .o_kanban_renderer",
            content: "The server answers with a lost database connection",
            run() {
                // the error service opens the dialog registered for the
                // error's Python name, with the server's error as props
                const dialog = registry
                    .category("error_dialogs")
                    .get("psycopg2.InterfaceError");
                const error = "connection already closed";
                odoo.__WOWL_DEBUG__.root.env.services.dialog.add(dialog, {
                    name: "RPC_ERROR",
                    type: "server",
                    exceptionName: "psycopg2.InterfaceError",
                    message: error,
                    traceback: `Traceback (most recent call last):\npsycopg2.InterfaceError: ${error}`,
                    data: {
                        name: "psycopg2.InterfaceError",
                        message: error,
                        arguments: [error],
                        debug: "Traceback",
                    },
                });
            },
        },
        {
            trigger: ".modal .modal-title:contains(Yhteys tietokantaan katkesi)",
        },
        {
            trigger: ".modal .modal-body:contains(viimeisin toimintosi ei tallentunut)",
            content: "Nothing was saved: do it again",
        },
        {
            trigger: ".modal .modal-body:not(:contains(connection already closed))",
        },
        {
            trigger: ".modal .o-default-button",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});
