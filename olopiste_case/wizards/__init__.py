from . import olopiste_attendance_entry
from . import olopiste_attendance_entry_line
