#!/bin/bash
# Runs each named pgbench script (without .sql) N times against a database filled by generate-1.2M-people.sql and
# prints median, p95 and max latency as pgbench measured them (client on the same machine, prepared statements).
# usage: PGPORT=55432 PGDATABASE=scratch ./run.sh 60 first_page_name fuzzy_name …
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
n=$1
shift
for script in "$@"; do
  rm -f "$logs"/pgbench_log*
  "${PGBENCH:-pgbench}" -h "${PGHOST:-localhost}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -n -M prepared \
    -t "$n" -c 1 -f "$here/$script.sql" --log --log-prefix="$logs/pgbench_log" "${PGDATABASE:-scratch}" >/dev/null
  python3 - "$script" "$logs" <<'PY'
import glob, sys
lat = sorted(int(line.split()[2]) / 1000.0 for f in glob.glob(sys.argv[2] + '/pgbench_log*') for line in open(f))
n = len(lat)
print(f"{sys.argv[1]:28s} n={n:3d} median={lat[n // 2]:7.2f} ms  p95={lat[max(0, int(n * 0.95) - 1)]:7.2f} ms  max={lat[-1]:7.2f} ms")
PY
done
