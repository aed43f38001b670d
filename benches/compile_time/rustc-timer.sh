#!/usr/bin/env bash
# RUSTC_WRAPPER used by run.sh. Runs rustc unchanged; for the benchmark's own crates (crate
# names starting with `ct_`) it also appends "<crate> <wall> <user> <sys>" (seconds, from bash's
# `time` keyword) to the file named by $CT_TIMES, so that run.sh times rustc's
# check of the measured crate alone, without cargo's own start-up and fingerprinting around it.
# CPU time (user + sys) is kept beside the wall time: on a shared machine it is the steadier of
# the two (rustc's front end is single-threaded, so on an idle machine both are the same).
set -u
export LC_ALL=C # a decimal point in the times
rustc=$1
shift

# The crate being compiled: the argument after `--crate-name`.
name=
prev=
for arg in "$@"; do
  [[ "$prev" == --crate-name ]] && name=$arg
  prev=$arg
done

# Dependencies and cargo's probes (`rustc -vV`, `--print`) go straight through.
[[ "$name" == ct_* && -n "${CT_TIMES:-}" ]] || exec "$rustc" "$@"

# `time` reports on the shell's stderr, which goes to $CT_TIMES.time; rustc's own stderr
# (diagnostics for cargo) goes to the original one, fd 3.
TIMEFORMAT='%R %U %S'
exec 3>&2
status=0
{ time "$rustc" "$@" 2>&3 || status=$?; } 2>"$CT_TIMES.time"
read -r wall user sys <"$CT_TIMES.time"
((status == 0)) && echo "$name $wall $user $sys" >>"$CT_TIMES"
exit "$status"
