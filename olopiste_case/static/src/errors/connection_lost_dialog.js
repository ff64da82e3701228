/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { WarningDialog } from "@web/core/errors/error_dialogs";

/**
 * The server lost its database connection (a PostgreSQL restart or
 * fail-over): the request's transaction was rolled back, so nothing of the
 * last action was saved, and the next request reconnects. Users get that in
 * words instead of a traceback.
 */
export class OlopisteConnectionLostDialog extends WarningDialog {
    setup() {
        super.setup();
        this.title = _t("Connection to the database lost");
        this.message = _t(
            "The server lost its connection to the database for a moment, so your last action was not saved. Check the screen and do it again. If this keeps happening, tell your administrator."
        );
    }
}

// the errors of a lost or refused database connection, by their Python names
export const CONNECTION_LOST_ERRORS = [
    "psycopg2.InterfaceError",
    "psycopg2.OperationalError",
    "psycopg2.errors.AdminShutdown",
    "psycopg2.errors.CrashShutdown",
    "psycopg2.errors.CannotConnectNow",
];

for (const name of CONNECTION_LOST_ERRORS) {
    registry.category("error_dialogs").add(name, OlopisteConnectionLostDialog);
}
