from . import project_overview_xlsx
