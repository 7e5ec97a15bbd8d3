#!/usr/bin/env bash
# Adds a migration with the same name to both providers: scripts/add-migration.sh AddSeparationExemptions
# Generated files are never edited by hand; a test fails when a provider has pending model changes.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do dotnet build "src/FinCloud.Migrations.$p" -v q -nologo >/dev/null; done
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/FinCloud.Migrations.$provider" --startup-project "src/FinCloud.Migrations.$provider" \
    --context FinCloudDbContext --output-dir Migrations
done
