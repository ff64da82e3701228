from . import test_project
from . import test_security
from . import test_case
from . import test_case_security
from . import test_attendance
from . import test_ui
from . import test_i18n
