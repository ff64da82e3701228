# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Olopiste: Open Service Directory",
    "summary": "The region's third-sector services and open places on one public "
    "page, kept by the organisations through one common form",
    "version": "18.0.1.0.0",
    "category": "Services/Olopiste",
    "website": "https://github.com/olopiste/olopiste",
    "author": "Olopiste contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": [
        "website",
        "olopiste_case",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/olopiste_website_security.xml",
        "data/olopiste_service_category_data.xml",
        "data/olopiste_service_tag_data.xml",
        "data/mail_template_data.xml",
        "data/website_menu_data.xml",
        "views/olopiste_service_category_views.xml",
        "views/olopiste_service_tag_views.xml",
        "views/olopiste_partner_service_views.xml",
        "views/olopiste_directory_submission_views.xml",
        "views/olopiste_directory_templates.xml",
        "views/olopiste_website_menus.xml",
    ],
    "demo": [
        "demo/olopiste_website_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "olopiste_website/static/src/scss/directory.scss",
        ],
        "web.assets_tests": [
            "olopiste_website/static/tests/tours/*.js",
        ],
    },
}
