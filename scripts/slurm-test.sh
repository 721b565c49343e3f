#!/usr/bin/env bash
# The SLURM engine against a real SLURM: starts a single-node cluster on this machine (munged,
# slurmctld and slurmd from Debian's slurm-wlm and munge, bound to 127.0.0.1, all state in a
# temporary folder), submits a small sweep as an sbatch array, waits for it, collects it, and
# checks that every run gives the same bits as the local engine.
#
#   scripts/slurm-test.sh          needs root (the daemons run as root) and slurm-wlm + munge
#
# When SLURM is missing or cannot start here, it says so loudly and exits 0 as SKIPPED; with
# STRNN_REQUIRE_SLURM=1 that is a failure (exit 1). A wrong result is always a failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
strnn="$root/bin/strnn"

skip() {
  echo "slurm-test: SKIPPED: $*" >&2
  if [ "${STRNN_REQUIRE_SLURM:-0}" = 1 ]; then
    echo "slurm-test: FAILED (STRNN_REQUIRE_SLURM=1)" >&2
    exit 1
  fi
  exit 0
}
fail() {
  echo "slurm-test: FAILED: $*" >&2
  exit 1
}

for tool in munged slurmctld slurmd sbatch squeue sinfo scancel; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (apt-get install slurm-wlm munge)"
done
[ "$(id -u)" = 0 ] || skip "the test cluster's daemons need root"

work=$(mktemp -d /tmp/strnn-slurm-test.XXXXXX)
chmod 700 "$work"
pids=()
cleanup() {
  if [ -n "${job:-}" ]; then scancel "$job" >/dev/null 2>&1 || true; fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "${STRNN_KEEP:-0}" = 1 ]; then echo "slurm-test: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Build first, so that the array's tasks find the classes in place.
"$strnn" --version >/dev/null

# --- munge: its own key and socket in $work
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log"
chmod 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --foreground --force --socket="$work/munge/munge.sock" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" \
  >"$work/log/munged.out" 2>&1 &
pids+=($!)

# --- slurm: one node (this host), one partition, ports of our own, addresses on 127.0.0.1 only
host=$(hostname -s)
node=$(slurmd -C | head -n 1 | sed 's/ UpTime=.*//')
cat > "$work/slurm.conf" <<CONF
ClusterName=strnntest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.sock
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/log/slurmd.out" 2>&1 &
pids+=($!)

up=0
for _ in $(seq 1 60); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)'; then up=1; break; fi
  sleep 1
done
if [ "$up" != 1 ]; then
  tail -n 5 "$work"/log/* >&2 || true
  skip "the single-node SLURM cluster did not come up within 60 s (logs above)"
fi
echo "slurm-test: cluster up: $(sinfo -h -o '%P %D %T %c')" >&2
if command -v ss >/dev/null 2>&1; then
  listeners=$(ss -ltnH '( sport = :16817 or sport = :16818 )' | awk '{print $4}' | sort -u | tr '\n' ' ')
  echo "slurm-test: listening on $listeners" >&2
  case " $listeners" in *" 127.0.0.1:"*) ;; *) fail "slurmctld/slurmd are not on 127.0.0.1: $listeners" ;; esac
  for l in $listeners; do
    case "$l" in 127.0.0.1:*) ;; *) fail "a SLURM daemon listens beyond 127.0.0.1: $l" ;; esac
  done
fi

# --- a small sweep: 2 variants x 2 seeds of a tiny model
cat > "$work/tiny.json" <<'JSON'
{
  "name": "slurm-test",
  "base": {"data": "synthetic:train=48,test=24", "ds": 4, "ks": 2, "dt": 4, "kt": 2, "batch": 16, "epochs": 2},
  "variants": [{"name": "STRNN"}, {"name": "no sparsity", "args": ["--sparsity", "none"]}],
  "seeds": [1, 2]
}
JSON
cd "$work"
job=$("$strnn" sweep run tiny.json --dir "$work/on-slurm" --engine slurm --time 0:10:00 --mem 3G \
  --sbatch '--comment=strnn-slurm-test;--job-name=strnn-slurm-test')
echo "slurm-test: submitted array job $job" >&2
for _ in $(seq 1 600); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 1
done
[ -z "$(squeue -h -j "$job" 2>/dev/null)" ] || fail "array job $job still queued or running after 600 s"
job=

status=$("$strnn" sweep status tiny.json --dir "$work/on-slurm" --json)
echo "slurm-test: $status" >&2
case "$status" in
  *'"done":4,"failed":0,"pending":0'*) ;;
  *) cat "$work"/on-slurm/slurm/*.log >&2 || true; fail "not every run is done on SLURM: $status" ;;
esac
grep -q '"engine": "slurm"' "$work"/on-slurm/results/*.json || fail "the records do not say they ran on SLURM"

"$strnn" sweep run tiny.json --dir "$work/local" --parallel 2 2>/dev/null || fail "the local sweep failed"
n=0
for rec in "$work"/local/results/*.json; do
  other="$work/on-slurm/results/$(basename "$rec")"
  [ -f "$other" ] || fail "no SLURM record for $(basename "$rec")"
  for field in digest weights_sha256; do
    a=$(grep "\"$field\"" "$rec") b=$(grep "\"$field\"" "$other")
    [ -n "$a" ] && [ "$a" = "$b" ] || fail "$(basename "$rec"): $field differs: local $a, SLURM $b"
  done
  n=$((n + 1))
done
[ "$n" = 4 ] || fail "expected 4 local records, found $n"

"$strnn" sweep collect tiny.json --dir "$work/on-slurm" >"$work/slurm.md" 2>/dev/null
"$strnn" sweep collect tiny.json --dir "$work/local" >"$work/local.md" 2>/dev/null
# The tables agree but for the wall time ("s per run", the ninth column).
secondless() { awk -F'|' 'BEGIN { OFS = "|" } /^\|/ { $10 = "" } { print }' "$1"; }
diff <(secondless "$work/local.md") <(secondless "$work/slurm.md") >&2 \
  || fail "the collected tables differ"
cat "$work/slurm.md" >&2
echo "slurm-test: PASSED: 4 runs as a SLURM array, bit-identical to the local engine (digest and weights)" >&2
