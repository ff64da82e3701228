from . import olopiste_project
