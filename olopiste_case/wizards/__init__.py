from . import olopiste_attendance_entry
from . import olopiste_attendance_entry_line
from . import olopiste_referral_move_back
