from . import handover
