# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Olopiste: Client Cases",
    "summary": "Employment-support projects funded by the European Social Fund: "
    "projects, client cases, activities and follow-on paths",
    "version": "18.0.1.2.0",
    "category": "Services/Olopiste",
    "website": "https://github.com/olopiste/olopiste",
    "author": "Olopiste contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "contacts",
        "calendar",
        "analytic",
        "base_import",
        "portal",
        "survey",
        "partner_contact_birthdate",
        "partner_contact_gender",
    ],
    "data": [
        "security/olopiste_security.xml",
        "security/ir.model.access.csv",
        "data/olopiste_data.xml",
        "report/olopiste_handover_report.xml",
        "data/olopiste_referral_data.xml",
        "report/olopiste_access_request_report.xml",
        "views/olopiste_project_views.xml",
        "views/olopiste_case_views.xml",
        "views/olopiste_config_views.xml",
        "views/res_partner_views.xml",
        "views/calendar_event_views.xml",
        "views/olopiste_attendance_views.xml",
        "wizards/olopiste_attendance_entry_views.xml",
        "views/olopiste_referral_views.xml",
        "views/olopiste_assessment_views.xml",
        "views/olopiste_handover_templates.xml",
        "views/olopiste_audit_log_views.xml",
        "views/olopiste_menus.xml",
    ],
    "demo": [
        "demo/olopiste_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "olopiste_case/static/src/import/*",
        ],
        "web.assets_tests": [
            "olopiste_case/static/tests/tours/*.js",
        ],
    },
}
