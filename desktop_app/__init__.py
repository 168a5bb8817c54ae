"""NetWise: network strategically with the right people, for a stated goal."""

__version__ = "0.1.0"
APP_NAME = "NetWise"
APP_ID = "netwise"
ORG_NAME = "NetWise"
