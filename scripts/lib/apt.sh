# Shared apt-get helpers, sourced by scripts/services.sh and scripts/redis-cluster.sh (not run on its own).
# The sourcing script defines log() and fail() and sets LOG_DIR (apt-get's output goes to $LOG_DIR/apt.log).
#   apt_update             apt-get update, once per script run
#   apt_install PKG...     apt-get install -y --no-install-recommends PKG... (runs apt_update first)
# Both need root and apt-get, and fail() with the tail of the log when apt-get fails.

APT_UPDATED=0
apt_update() {
  [ "$APT_UPDATED" -eq 0 ] || return 0
  [ "$(id -u)" -eq 0 ] || fail "need root to install packages (run as root, or install them yourself)"
  command -v apt-get >/dev/null 2>&1 || fail "packages missing and apt-get not available: install them by hand"
  log "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=600 update >>"$LOG_DIR/apt.log" 2>&1 \
    || { tail -n 20 "$LOG_DIR/apt.log" >&2; fail "apt-get update failed (log: $LOG_DIR/apt.log)"; }
  APT_UPDATED=1
}

apt_install() {
  local aptopts=(-y -q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=600 --no-install-recommends)
  apt_update
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install "${aptopts[@]}" "$@" >>"$LOG_DIR/apt.log" 2>&1 \
    || { tail -n 20 "$LOG_DIR/apt.log" >&2; fail "apt-get install $* failed (log: $LOG_DIR/apt.log)"; }
}
