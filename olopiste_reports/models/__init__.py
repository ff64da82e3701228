from . import olopiste_cost_category
from . import olopiste_project_financing
from . import olopiste_project
from . import account_analytic_line
from . import olopiste_report_figures
