# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request

from ..models.olopiste_import_mixin import TEMPLATE_FORMATS, importable_models


class ImportTemplateController(http.Controller):
    """The import templates, written in the user's language when asked for."""

    @http.route(
        "/olopiste_case/import_template/<string:model>/<string:file_format>",
        type="http",
        auth="user",
    )
    def import_template(self, model, file_format, **kwargs):
        if (
            model not in importable_models(request.env)
            or file_format not in TEMPLATE_FORMATS
        ):
            raise NotFound()
        Model = request.env[model]
        # the template is for those who may import into the model
        Model.check_access("create")
        content = Model._olopiste_import_template(file_format)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", TEMPLATE_FORMATS[file_format]),
                (
                    "Content-Disposition",
                    content_disposition(
                        f"{Model._olopiste_template_name}.{file_format}"
                    ),
                ),
            ],
        )
