from . import olopiste_service_category
from . import olopiste_service_tag
from . import olopiste_partner_service
from . import olopiste_directory_submission
from . import res_partner
from . import website
