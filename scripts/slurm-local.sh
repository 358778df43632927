#!/usr/bin/env bash
# A real single-node SLURM cluster on this machine, for the sweep backend's tests and for
# trying `scitex-session sweep --backend slurm` on a laptop. Needs root (it installs
# Debian's slurm-wlm and munge when missing and runs the daemons as root).
#
#   scripts/slurm-local.sh start    # install if needed, start munged + slurmctld + slurmd
#   scripts/slurm-local.sh status   # daemons and sinfo
#   scripts/slurm-local.sh stop     # stop the daemons it started (by pid)
#   eval "$(scripts/slurm-local.sh env)"   # SLURM_CONF for sbatch/squeue/scancel in this shell
#
# Everything lives in one state folder, $SCITEX_SLURM_DIR (default /tmp/scitex-slurm): the
# config, munge's key and socket, the daemons' pid files, logs and spool. Nothing is written
# to /etc; client commands find the cluster through SLURM_CONF=<state>/slurm.conf.
#
# Settings (read at start): SCITEX_SLURM_MAX_ARRAY_SIZE (MaxArraySize, default 1001),
# SCITEX_SLURM_CPUS (CPUs the node offers, default 8 — node scripts are light, so more tasks
# than cores may run at once), SCITEX_SLURM_PORT (slurmctld port, default 6817; slurmd uses
# the next one). A running cluster with different settings is restarted.
set -euo pipefail

DIR="${SCITEX_SLURM_DIR:-/tmp/scitex-slurm}"
MAX_ARRAY="${SCITEX_SLURM_MAX_ARRAY_SIZE:-1001}"
CPUS="${SCITEX_SLURM_CPUS:-8}"
PORT="${SCITEX_SLURM_PORT:-6817}"
HOST="$(hostname -s)"
CONF="$DIR/slurm.conf"
export SLURM_CONF="$CONF"

log() { printf 'slurm-local: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 1
}

install_missing() {
  local need=()
  command -v munged >/dev/null 2>&1 || need+=(munge)
  command -v slurmctld >/dev/null 2>&1 || need+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || need+=(slurmd)
  command -v sbatch >/dev/null 2>&1 || need+=(slurm-client)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" = "0" ] || die "needs ${need[*]} (Debian packages) and root to install them"
  command -v apt-get >/dev/null 2>&1 || die "needs ${need[*]}; install SLURM and munge by hand"
  log "installing ${need[*]} (Debian's slurm-wlm and munge)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 \
    "${need[@]}" >/dev/null
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# The settings a running cluster was started with; a change means a restart.
settings() { printf 'max_array=%s cpus=%s port=%s host=%s\n' "$MAX_ARRAY" "$CPUS" "$PORT" "$HOST"; }

write_conf() {
  local mem
  mem=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
  mkdir -p "$DIR/state" "$DIR/spool" "$DIR/log"
  cat >"$CONF.tmp" <<EOF
# Written by scripts/slurm-local.sh: a single-node cluster for tests.
ClusterName=scitex
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$DIR/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MaxArraySize=$MAX_ARRAY
MaxJobCount=100000
MinJobAge=300
KillWait=10
InactiveLimit=0
SlurmdTimeout=300
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$HOST Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF
  mv "$CONF.tmp" "$CONF"
}

start_munge() {
  pid_alive "$DIR/munged.pid" && return 0
  mkdir -p "$DIR/munge"
  chmod 0700 "$DIR/munge"
  if [ ! -f "$DIR/munge/munge.key" ]; then
    dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
    chmod 0400 "$DIR/munge/munge.key"
  fi
  munged --force --socket="$DIR/munge/munge.socket" --key-file="$DIR/munge/munge.key" \
    --pid-file="$DIR/munged.pid" --log-file="$DIR/log/munged.log" \
    --seed-file="$DIR/munge/munged.seed"
}

wait_for() { # seconds, description, command…
  local secs=$1 what=$2
  shift 2
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || return 1
    sleep 0.2
  done
  [ -n "$what" ] && log "$what"
  return 0
}

node_idle() { sinfo -h -n "$HOST" -o '%t' 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; }

start() {
  install_missing
  if pid_alive "$DIR/slurmctld.pid" && pid_alive "$DIR/slurmd.pid" &&
    [ "$(cat "$DIR/settings" 2>/dev/null)" = "$(settings)" ] && node_idle; then
    log "already running ($(settings))"
    return 0
  fi
  stop_daemons quiet
  mkdir -p "$DIR/log"
  write_conf
  start_munge || die "munged did not start; see $DIR/log/munged.log"
  # -i: ignore saved state of an earlier run (old jobs); the cluster starts empty.
  slurmctld -i || die "slurmctld did not start; see $DIR/log/slurmctld.log"
  wait_for 30 "" scontrol ping || die "slurmctld does not answer; see $DIR/log/slurmctld.log"
  slurmd || die "slurmd did not start; see $DIR/log/slurmd.log"
  if ! wait_for 60 "" node_idle; then
    scontrol update nodename="$HOST" state=resume >/dev/null 2>&1 || true
    wait_for 10 "" node_idle ||
      die "node $HOST is not idle after 60 s ($(sinfo -h -o '%t %E' 2>&1)); see $DIR/log/"
  fi
  settings >"$DIR/settings"
  log "cluster up: node $HOST idle, MaxArraySize=$MAX_ARRAY, CPUs=$CPUS"
  log "use it with: export SLURM_CONF=$CONF"
}

stop_one() { # pidfile name
  local f=$1 name=$2
  [ -f "$f" ] || return 0
  local pid
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local end=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name ($pid) ignored SIGTERM; SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

stop_daemons() {
  # Running jobs first, so no task outlives the cluster (slurmd would orphan them).
  if pid_alive "$DIR/slurmctld.pid" && [ -f "$CONF" ]; then
    scancel --full --signal=KILL --user="$(id -un)" >/dev/null 2>&1 || true
    scancel --user="$(id -un)" >/dev/null 2>&1 || true
  fi
  stop_one "$DIR/slurmd.pid" slurmd
  stop_one "$DIR/slurmctld.pid" slurmctld
  stop_one "$DIR/munged.pid" munged
  [ "${1:-}" = quiet ] || log "stopped"
}

status() {
  local ok=0
  for d in munged slurmctld slurmd; do
    if pid_alive "$DIR/$d.pid"; then
      echo "$d: running (pid $(cat "$DIR/$d.pid"))"
    else
      echo "$d: not running"
      ok=1
    fi
  done
  if [ $ok -eq 0 ]; then
    sinfo
    echo "SLURM_CONF=$CONF  ($(cat "$DIR/settings" 2>/dev/null))"
  fi
  return $ok
}

case "${1:-}" in
  start) start ;;
  stop) stop_daemons ;;
  status) status ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
