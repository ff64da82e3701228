from . import test_project_overview_xlsx
from . import test_i18n
