#!/bin/bash
# Usage: run.sh REPO THREADS [steps] (after mvn -B -q -DskipTests -pl benchmarks -am package in REPO)
set -e
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/patch.py" "$1" "$work/src"
cp "$here/OpTimes.java" "$work/src/"
cp="$1/benchmarks/target/lib/*"
javac -nowarn -d "$work/out" -cp "$cp" "$work"/src/org/strnn/autograd/*.java "$work/src/OpTimes.java" 
java -Xmx4g --add-modules jdk.incubator.vector -cp "$work/out:$cp" OpTimes "$2" "${3:-400}" 2>/dev/null
