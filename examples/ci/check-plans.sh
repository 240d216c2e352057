#!/usr/bin/env bash
# Checks the network plans of a git repository the way CI checks code, with the installed
# `cidr-canvas` (npm install -g ./cidr-canvas-*.tgz). Copy it into your repository.
#
#   check-plans.sh [BASE]
#
# Validates every *.plan.json that git tracks and writes, in $OUT_DIR (default .cidr-canvas):
#   plans.sarif    the findings of every plan, for code scanning (upload-sarif)
#   validate.md    the same as Markdown, for a job summary
#   comment.md     with BASE (a commit, branch or tag): what each plan changed since BASE does,
#                  for a pull-request comment; absent when no plan changed
# Exit status: 0 every plan is free of errors and no change makes a path worse, 1 otherwise,
# 2 a plan cannot be read (or the tool is missing).
set -uo pipefail

CLI="${CIDR_CANVAS:-cidr-canvas}"
OUT="${OUT_DIR:-.cidr-canvas}"
BASE="${1:-}"
MARKER='<!-- cidr-canvas plan review -->'

if ! command -v "$CLI" >/dev/null 2>&1; then
  echo "check-plans: $CLI not found; install it with npm install -g ./cidr-canvas-<version>.tgz" >&2
  exit 2
fi
rm -rf "$OUT" && mkdir -p "$OUT"

mapfile -d '' plans < <(git ls-files -z -- '*.plan.json')
if [ "${#plans[@]}" -eq 0 ]; then
  echo "check-plans: no *.plan.json in this repository"
  exit 0
fi

status=0
worst() { if [ "$1" -gt "$status" ]; then status=$1; fi; }

echo "Validating ${#plans[@]} plan(s) with $("$CLI" --version | head -n1 | sed 's/^/cidr-canvas /')"
"$CLI" validate --format text --no-color "${plans[@]}"
worst $?
"$CLI" validate --format sarif "${plans[@]}" >"$OUT/plans.sarif" 2>/dev/null
"$CLI" validate --format markdown "${plans[@]}" >"$OUT/validate.md" 2>/dev/null
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$OUT/validate.md" >>"$GITHUB_STEP_SUMMARY"; fi

if [ -n "$BASE" ]; then
  if ! base=$(git merge-base "$BASE" HEAD 2>/dev/null); then
    echo "check-plans: $BASE is not a commit of this repository (fetch the history: fetch-depth 0)" >&2
    exit 2
  fi
  mapfile -d '' changed < <(git diff -z --name-only --no-renames --diff-filter=AMD "$base" HEAD -- '*.plan.json')
  if [ "${#changed[@]}" -gt 0 ]; then
    empty="$OUT/empty.plan.json"
    printf '{ "format": "cidr-canvas/plan", "version": 1 }\n' >"$empty"
    {
      echo "$MARKER"
      echo "## Network plans changed since \`$(git rev-parse --short "$base")\`"
      echo
    } >"$OUT/comment.md"
    for path in "${changed[@]}"; do
      # The plan as it was at the base (an empty plan for a new one), under the base's name.
      old="$OUT/$(git rev-parse --short "$base")/$path"
      mkdir -p "$(dirname "$old")"
      git show "$base:$path" >"$old" 2>/dev/null || cp "$empty" "$old"
      new="$path"
      [ -f "$new" ] || new="$empty"
      echo "Diff of $path"
      "$CLI" diff --format markdown "$old" "$new" >"$OUT/diff.md"
      code=$?
      worst $code
      {
        if [ ! -f "$path" ]; then echo "Removed: \`$path\`"; echo; fi
        if [ "$code" -eq 2 ]; then echo "❗ \`$path\` could not be compared (see the job log)."; echo; fi
        cat "$OUT/diff.md"
        echo
      } >>"$OUT/comment.md"
    done
    rm -f "$OUT/diff.md"
    echo "Wrote $OUT/comment.md (${#changed[@]} plan(s) changed)"
  else
    echo "No plan changed since $BASE"
  fi
fi
exit "$status"
