#!/bin/bash
out=/tmp/rounds/results.jsonl
for r in $(seq 1 8); do
  if (( r % 2 )); then order="/work/main /work/wt/p14h"; else order="/work/wt/p14h /work/main"; fi
  for t in 1 2; do
    for tree in $order; do
      cd $tree
      j=$(./strnn bench --batch 32 --threads $t --iterations 60 --json 2>/dev/null)
      echo "{\"round\":$r,\"tree\":\"$tree\",\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"r\":$j}" >> $out
    done
  done
done
echo done >> /tmp/rounds/finished
