from . import directory
