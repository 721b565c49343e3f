#!/bin/bash
# Usage: run.sh REPO (after mvn -B -q -DskipTests -pl benchmarks -am package in REPO)
set -e
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/instrument.py" "$1" "$work/src"
cp "$here/Prof.java" "$work/src/"
cp="$1/benchmarks/target/lib/*"
javac -nowarn -d "$work/out" -cp "$cp" --add-modules jdk.incubator.vector "$work"/src/*.java 
java -Xmx1g --add-modules jdk.incubator.vector -cp "$work/out:$cp" org.strnn.autograd.kernel.Prof "${2:-10000}" 2>/dev/null
