from . import test_project_overview_xlsx
from . import test_i18n
from . import test_figures
from . import test_exports
from . import test_report_security
from . import test_data_quality
from . import test_ui
from . import test_generated_data
