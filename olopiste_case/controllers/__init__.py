from . import handover
from . import import_template
