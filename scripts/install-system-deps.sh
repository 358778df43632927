#!/usr/bin/env bash
# Debian packages the tests use: fonts for figures (DejaVu), Chromium for the report's browser
# tests, NumPy/PyYAML for the cross-language tests, SLURM for the sweep backend; with --bench
# also matplotlib and hyperfine. Installed only if missing.
set -euo pipefail
need=()
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
# Debian's Chromium for the report's browser tests (playwright-core drives /usr/bin/chromium).
[ -x /usr/bin/chromium ] || need+=(chromium)
# NumPy and PyYAML for Debian's own python3 (not a pyenv one): @scitex/rng and @scitex/config
# test against them (same numbers and YAML reading as the Python original).
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need+=(python3-numpy)
/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 || need+=(python3-yaml)
# A real single-node SLURM for the sweep backend's tests (scripts/slurm-local.sh starts it).
command -v slurmctld >/dev/null 2>&1 || need+=(slurm-wlm)
command -v munged >/dev/null 2>&1 || need+=(munge)
if [ "${1:-}" = "--bench" ]; then
  dpkg -s python3-matplotlib >/dev/null 2>&1 || need+=(python3-matplotlib)
  command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
fi
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
