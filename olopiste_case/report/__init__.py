from . import report_handover_document
from . import report_access_request_document
