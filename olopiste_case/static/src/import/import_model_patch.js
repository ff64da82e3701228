/** @odoo-module **/
// Copyright 2026 Olopiste contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {BaseImportModel} from "@base_import/import_model";
import {patch} from "@web/core/utils/patch";

patch(BaseImportModel.prototype, {
    _onLoadSuccess(res) {
        // The server offers the option for the Olopiste models (see
        // models/base_import_import.py): add it, so that its check box shows
        // and its value is sent with the import.
        if (res.options && "olopiste_valid_rows" in res.options) {
            this.importOptionsValues.olopiste_valid_rows ||= {value: false};
        }
        return super._onLoadSuccess(...arguments);
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
