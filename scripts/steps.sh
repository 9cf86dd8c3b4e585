# Sourced by scripts that run in steps: `step NAME` starts a step (ending the one before), and
# when the script exits, for whatever reason, a table of each step's wall time is printed, the
# step that was running when it failed marked as such.
STEP_NAMES=()
STEP_SECONDS=()
STEP_CURRENT=""
STEP_STARTED=0
STEP_ALL_STARTED=$SECONDS

step_end() {
  if [ -n "$STEP_CURRENT" ]; then
    STEP_NAMES+=("$STEP_CURRENT")
    STEP_SECONDS+=($((SECONDS - STEP_STARTED)))
    STEP_CURRENT=""
  fi
}

step() {
  step_end
  STEP_CURRENT="$*"
  STEP_STARTED=$SECONDS
  printf '\n== %s\n' "$*"
}

# Prints the table; `$1` is the script's exit status.
steps_report() {
  local status=$1 failed="" i
  [ "$status" -ne 0 ] && failed="$STEP_CURRENT"
  step_end
  printf '\n== wall time per step\n'
  for i in "${!STEP_NAMES[@]}"; do
    printf '%6s  %s%s\n' "$(steps_clock "${STEP_SECONDS[$i]}")" "${STEP_NAMES[$i]}" \
      "$([ "${STEP_NAMES[$i]}" = "$failed" ] && echo '   <- FAILED')"
  done
  printf '%6s  total%s\n' "$(steps_clock $((SECONDS - STEP_ALL_STARTED)))" \
    "$([ "$status" -ne 0 ] && echo " (exit $status)")"
}

steps_clock() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }
