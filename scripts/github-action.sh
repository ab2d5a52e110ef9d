#!/usr/bin/env bash
# The shell steps of action.yml, one subcommand a step, so that they can be run and tested outside
# GitHub (test/unit/githubAction.test.ts). The action's inputs arrive as environment variables, never
# pasted into a script: IAM_PATHS (files, folders and globs, separated by white space), IAM_FAIL_ON,
# IAM_CONFIG, IAM_SARIF_FILE.
#   build     builds the checker in the action's folder (npm ci, npm run build) unless it is built
#   sarif     writes the SARIF report; findings do not fail this step (the annotate step decides)
#   annotate  annotations, the job summary ($GITHUB_STEP_SUMMARY), and the exit code of --fail-on
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/dist/cli.js"

# The paths, split on white space without expanding globs: the checker expands them itself.
set -f
read -r -d '' -a paths <<<"${IAM_PATHS:-.}" || true
set +f
config=()
[ -n "${IAM_CONFIG:-}" ] && config=(--config "$IAM_CONFIG")

case "${1:-}" in
  build)
    if [ -f "$cli" ] && [ -f "$root/dist/catalog.json" ]; then
      echo "iam-policy-lint is built in $root"
    else
      (cd "$root" && npm ci --no-audit --no-fund && npm run build)
    fi
    ;;
  sarif)
    status=0
    node "$cli" "${paths[@]}" "${config[@]}" --format sarif --output "${IAM_SARIF_FILE:-iam-policy-lint.sarif}" || status=$?
    # 1 only says that there are findings; 2 is a usage or I/O error
    [ "$status" -le 1 ] || exit "$status"
    ;;
  annotate)
    exec node "$cli" "${paths[@]}" "${config[@]}" --format github --fail-on "${IAM_FAIL_ON:-error}"
    ;;
  *)
    echo "usage: $0 build|sarif|annotate" >&2
    exit 2
    ;;
esac
