# dmgbuild settings for NetWise's disk image: the app and a link to /Applications, to drag
# it onto. dmgbuild runs this file with ``defines`` (its -D options) in its namespace.
#
# Build, from the repository root, after `python packaging/freeze.py` on macOS:
#   dmgbuild -s packaging/macos/dmg_settings.py -D app=dist/NetWise.app \
#       NetWise dist/NetWise-VERSION.dmg
# ruff: noqa: F821  (defines: given by dmgbuild)

import os.path

application = defines.get("app", "dist/NetWise.app")
appname = os.path.basename(application)

# Compressed (zlib), readable on every supported macOS.
format = defines.get("format", "UDZO")
size = None  # dmgbuild works out the size
files = [application]
symlinks = {"Applications": "/Applications"}

# The volume shows the app's own icon as a badge on the disk icon.
badge_icon = os.path.join(application, "Contents", "Resources", "netwise.icns")

# A small window: the app on the left, Applications on the right.
window_rect = ((200, 160), (560, 320))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 128
text_size = 13
icon_locations = {appname: (140, 150), "Applications": (420, 150)}
