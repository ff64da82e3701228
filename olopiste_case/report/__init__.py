from . import report_handover_document
