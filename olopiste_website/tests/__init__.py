from . import test_directory
from . import test_proposal
from . import test_ui
