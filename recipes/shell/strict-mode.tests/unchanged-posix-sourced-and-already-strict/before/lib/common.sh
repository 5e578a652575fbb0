# Sourced by the other scripts; never run directly.
log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
