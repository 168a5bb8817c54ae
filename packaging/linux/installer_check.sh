#!/usr/bin/env bash
# Install the .deb the way a user does, use the installed program, then remove it and
# check that nothing is left behind.
#
#   bash packaging/linux/installer_check.sh [dist/netwise_VERSION_ARCH.deb]
#
# Checks: apt-get installs it with its dependencies; `netwise --self-test` passes as
# installed (offscreen, over a fresh data folder: a new database is created and upgraded)
# and prints text into a PDF that pdftotext reads back; `netwise` opens a real window
# under Xvfb (the screenshot is saved to build/installer-check/window.png, to look at);
# `apt-get remove --purge` leaves none of its files.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ $# -gt 0 ]]; then
  deb=$1
else
  shopt -s nullglob
  debs=(dist/netwise_*.deb)
  if [[ ${#debs[@]} -ne 1 ]]; then
    echo "installer-check: expected one dist/netwise_*.deb, found ${#debs[@]}" >&2
    exit 1
  fi
  deb=${debs[0]}
fi
[[ $deb == /* ]] || deb="./$deb"

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive

fail() {
  echo "installer-check: FAILED: $*" >&2
  exit 1
}

# Tools of the check itself (not of NetWise): a display, X tools, screenshots, PDF text.
tools=(xvfb x11-utils imagemagick poppler-utils)
missing=()
for package in "${tools[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work=$(mktemp -d)
out=build/installer-check
mkdir -p "$out"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  # After a failure half-way, do not leave the package installed.
  if dpkg-query -W -f='${Status}' netwise 2>/dev/null | grep -q "ok installed"; then
    "${sudo[@]}" apt-get remove --purge -y -qq netwise >/dev/null || true
  fi
}
trap cleanup EXIT

echo "== installing $deb"
"${sudo[@]}" apt-get install -y -q "$deb"
dpkg-query -L netwise >"$work/files"
for path in /opt/netwise/netwise /usr/bin/netwise /usr/share/applications/netwise.desktop \
  /usr/share/icons/hicolor/scalable/apps/netwise.svg /usr/share/icons/hicolor/48x48/apps/netwise.png; do
  [[ -e $path ]] || fail "$path is not installed"
done
ls /usr/share/metainfo/*.metainfo.xml >/dev/null || fail "no AppStream metadata installed"

# The installed program in a plain environment: nothing of this checkout or its venv.
installed=(env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 NETWISE_DATA_DIR="$work/data")

echo "== netwise --self-test (offscreen, fresh data folder)"
"${installed[@]}" QT_QPA_PLATFORM=offscreen NETWISE_SELF_TEST_PDF="$work/print.pdf" \
  netwise --self-test | tee "$work/self-test.txt"
grep -q "self-test ok" "$work/self-test.txt" || fail "the self-test did not print 'self-test ok'"
[[ -s $work/data/netwise.sqlite3 ]] || fail "no database was created in the data folder"
pdftotext "$work/print.pdf" - | tee "$work/print.txt"
grep -q "NetWise self-test" "$work/print.txt" || fail "the printed PDF holds no readable text"

echo "== a real window under Xvfb"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
pids+=($!)
for _ in $(seq 50); do
  xdpyinfo -display "$display" >/dev/null 2>&1 && break
  sleep 0.1
done
"${installed[@]}" DISPLAY="$display" netwise --demo --no-crash-dialog &
pids+=($!)
# The main window: titled "... NetWise", with the WM_CLASS the desktop entry names.
main_window() {
  local id
  for id in $(xwininfo -display "$display" -root -tree | awk '/NetWise": \(/ {print $1}'); do
    if xprop -display "$display" -id "$id" WM_CLASS | grep -q '"netwise"'; then
      echo "$id"
      return
    fi
  done
}
window=""
for _ in $(seq 100); do
  window=$(main_window)
  [[ -n $window ]] && break
  sleep 0.2
done
[[ -n $window ]] || fail "no NetWise window with WM_CLASS netwise (StartupWMClass) appeared"
sleep 3 # let it load the demo database and paint
echo "window $window: $(xprop -display "$display" -id "$window" WM_CLASS _NET_WM_NAME | tr '\n' ' ')"
import -display "$display" -window root "$out/window.png"
colours=$(identify -format '%k' "$out/window.png")
((colours > 50)) || fail "the screenshot is nearly blank ($colours colours)"
echo "screenshot: $out/window.png ($colours colours) - look at it"
kill "${pids[1]}"
wait "${pids[1]}" 2>/dev/null || true

echo "== removing"
"${sudo[@]}" apt-get remove --purge -y -q netwise
[[ ! -e /opt/netwise ]] || fail "/opt/netwise is left behind: $(find /opt/netwise | head)"
while IFS= read -r path; do
  # Folders shared with other packages (/usr/share/icons/...) stay; files must go.
  if [[ -e $path || -L $path ]] && [[ ! -d $path ]]; then
    fail "$path is left behind"
  fi
done <"$work/files"
leftovers=$(find /usr/share /usr/bin -name 'netwise*' 2>/dev/null || true)
[[ -z $leftovers ]] || fail "left behind: $leftovers"
echo "installer-check ok: installed, self-test and PDF text, window, removed without a trace"
