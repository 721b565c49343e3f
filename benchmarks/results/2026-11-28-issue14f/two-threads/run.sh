#!/bin/bash
# Usage: run.sh REPO [reps] (after mvn -B -q -DskipTests -pl benchmarks -am package in REPO)
set -e
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="$1/benchmarks/target/lib/*"
javac -nowarn -d "$work" -cp "$cp" "$here/Conc.java"
for reuse in false true; do
  echo "# reuse=$reuse"
  java -Dreuse=$reuse -Xmx4g --add-modules jdk.incubator.vector -cp "$work:$cp" Conc "${2:-3000}" 2>/dev/null
done
