#!/usr/bin/env bash
# Fails when `dotnet list package --vulnerable` reports a vulnerable package (direct or transitive).
# Offline (the vulnerability source cannot be reached) it says so clearly and does not fail the run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts/test-results
out=artifacts/test-results/vulnerable-packages.json
err=artifacts/test-results/vulnerable-packages.err
dotnet list FinCloud.slnx package --vulnerable --include-transitive --format json >"$out" 2>"$err"
status=$?
python3 - "$out" "$err" "$status" <<'PY'
import json, sys
out, err, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(out, encoding="utf-8").read()
errors = open(err, encoding="utf-8").read()
try:
    report = json.loads(text)
except ValueError:
    report = None
unreachable_markers = ("NU1900", "NU1301", "Unable to load the service index", "No such host", "Name or service not known",
                       "Connection refused", "timed out", "Resource temporarily unavailable")
problems = []
if report:
    problems = [p.get("text", "") for p in report.get("problems", [])]
offline = any(m in (errors + text + " ".join(problems)) for m in unreachable_markers)
if report is None:
    if offline:
        print("VULNERABILITY CHECK NOT RUN: the NuGet vulnerability source is unreachable (offline). Run it again online.")
        sys.exit(0)
    print("vulnerability check failed to run:\n" + errors + text, file=sys.stderr)
    sys.exit(1)
found = []
for project in report.get("projects", []):
    for framework in project.get("frameworks", []):
        for kind in ("topLevelPackages", "transitivePackages"):
            for package in framework.get(kind, []):
                for v in package.get("vulnerabilities", []):
                    found.append(f'{project["path"]}: {package["id"]} {package.get("resolvedVersion", "")} {v.get("severity", "")} {v.get("advisoryurl", "")}')
if found:
    print("Vulnerable packages:\n  " + "\n  ".join(sorted(set(found))), file=sys.stderr)
    sys.exit(1)
if offline:
    print("VULNERABILITY CHECK NOT RUN: the NuGet vulnerability source is unreachable (offline). Run it again online.")
    sys.exit(0)
if status != 0:
    print("dotnet list package --vulnerable failed:\n" + errors, file=sys.stderr)
    sys.exit(1)
print(f'No vulnerable packages ({len(report.get("projects", []))} projects, direct and transitive).')
PY
