# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Olopiste: Funder Reports",
    "summary": "Targets dashboard, ESF+ participant indicators, hours and costs "
    "with a flat rate, exported to XLSX for the funder",
    "version": "18.0.1.2.0",
    "category": "Services/Olopiste",
    "website": "https://github.com/olopiste/olopiste",
    "author": "Olopiste contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": [
        "analytic",
        "olopiste_case",
        "report_xlsx",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/olopiste_reports_security.xml",
        "data/olopiste_cost_category_data.xml",
        "report/olopiste_reports.xml",
        "views/olopiste_case_report_views.xml",
        "views/olopiste_attendance_report_views.xml",
        "views/olopiste_referral_report_views.xml",
        "views/olopiste_data_quality_views.xml",
        "views/olopiste_cost_category_views.xml",
        "views/olopiste_project_views.xml",
        "wizards/olopiste_dashboard_views.xml",
        "wizards/olopiste_report_export_views.xml",
        "views/olopiste_reports_menus.xml",
    ],
    "demo": [
        "demo/olopiste_reports_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "olopiste_reports/static/src/dashboard/*",
        ],
        "web.assets_tests": [
            "olopiste_reports/static/tests/tours/*.js",
        ],
    },
}
