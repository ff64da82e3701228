/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {BaseImportModel} from "@base_import/import_model";
import {patch} from "@web/core/utils/patch";

// The models whose import can leave out the rows with errors (the server
// side is in models/base_import_import.py).
const VALID_ROWS_MODELS = ["olopiste.case", "olopiste.attendance"];

patch(BaseImportModel.prototype, {
    async init() {
        await super.init(...arguments);
        if (VALID_ROWS_MODELS.includes(this.resModel)) {
            this.importOptionsValues.olopiste_valid_rows = {value: false};
        }
    },

    async executeImport(isTest) {
        this.olopisteLeftOut = false;
        const result = await super.executeImport(...arguments);
        if (!isTest && this.olopisteLeftOut) {
            // Stay on the import screen: its messages say which rows were
            // left out and why (the records of the other rows are saved).
            result.res = {...result.res, ids: []};
        }
        return result;
    },

    _handleImportErrors(messages) {
        this.olopisteLeftOut ||= messages.some((message) => message.left_out);
        return super._handleImportErrors(...arguments);
    },
});
