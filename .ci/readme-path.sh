#!/usr/bin/env bash
# The README's two commands, as a new user runs them, inside the fresh Debian of .ci/run (where
# this script is the namespace's first process): `npm install && npm start`, a check that the
# workbench answers with the extension installed, Ctrl+C, a check that nothing is left running,
# then `npm test`.
set -euo pipefail
cd /work/main
port=18080
started=$SECONDS
phase() { echo "[ci] $1 ($((SECONDS - started)) s in the fresh system)"; }

phase "npm install"
npm install

phase "npm start -- --port $port"
# Its own session and process group, as a terminal's foreground job has: Ctrl+C goes to the group.
: > /tmp/npm-start.log
setsid npm start -- --port "$port" > /tmp/npm-start.log 2>&1 &
start_pid=$!
deadline=$((SECONDS + 1800))
until grep -q 'mailconf is running in VS Code' /tmp/npm-start.log; do
  if ! kill -0 "$start_pid" 2>/dev/null || [ "$SECONDS" -gt "$deadline" ]; then
    cat /tmp/npm-start.log
    phase "npm start did not come up"
    exit 1
  fi
  sleep 2
done
cat /tmp/npm-start.log
phase "npm start is serving"

node -e '
  const port = process.argv[1];
  fetch(`http://127.0.0.1:${port}/`).then(async (r) => {
    const html = await r.text();
    if (r.status !== 200 || !/vscode-workbench|workbench/.test(html)) { console.error(`workbench: HTTP ${r.status}`); process.exit(1); }
    console.log(`workbench: HTTP ${r.status}, ${html.length} bytes`);
  }, (e) => { console.error(`workbench: ${e.message}`); process.exit(1); });
' "$port"
ls -d .cache/vscode/start/extensions/mailconf.mailconf-* || { echo "the extension is not installed in code-server"; exit 1; }

phase "Ctrl+C"
kill -INT -- "-$start_pid"
wait "$start_pid" || true
# Every process of this namespace but this shell (PID 1) must be gone.
left=()
for dir in /proc/[0-9]*; do
  pid=${dir#/proc/}
  [ "$pid" = 1 ] && continue
  cmd=''
  read -r -d '' cmd < "$dir/cmdline" || true
  [ -n "$cmd" ] && left+=("$pid:$cmd")
done
if [ "${#left[@]}" -gt 0 ]; then
  printf 'left running after Ctrl+C: %s\n' "${left[@]}"
  exit 1
fi
phase "Ctrl+C left no process behind"

phase "npm test"
status=0
npm test || status=$?
phase "npm test ended with exit status $status"
exit "$status"
