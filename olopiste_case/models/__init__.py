from . import olopiste_stage
from . import olopiste_target_group
from . import olopiste_project
from . import olopiste_project_target
from . import olopiste_area
from . import olopiste_case
from . import res_partner
