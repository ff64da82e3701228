from . import olopiste_report_export
from . import olopiste_dashboard
