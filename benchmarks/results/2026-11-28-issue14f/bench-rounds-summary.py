"""Summary of bench-rounds.jsonl: medians, ranges and paired ratios of main (26a5341) and the branch."""
import json, statistics as st, collections, sys
rows=[json.loads(l) for l in open(sys.argv[1] if len(sys.argv) > 1 else 'bench-rounds.jsonl')]
d=collections.defaultdict(dict)
for r in rows:
    d[(r['round'], r['r']['threads'])][r['tree']]=r['r']
M='/work/main'; B='/work/wt/p14h'
for t in (1,2):
    for key,label in (('train_step_ms_median','train'),('infer_ms_median','infer'),('allocated_mb_per_train_step','alloc MB')):
        m=[d[(rd,t)][M][key] for rd in range(1,9)]; b=[d[(rd,t)][B][key] for rd in range(1,9)]
        ratio=[y/x for x,y in zip(m,b)]
        print(f"threads {t} {label:9s} main {st.median(m):7.2f} ({min(m):.2f}-{max(m):.2f})  branch {st.median(b):7.2f} ({min(b):.2f}-{max(b):.2f})  branch/main paired median {st.median(ratio):.3f}  per round {' '.join(f'{x:.2f}' for x in ratio)}")
for tree in (M,B):
    sc=[d[(rd,1)][tree]['train_step_ms_median']/d[(rd,2)][tree]['train_step_ms_median'] for rd in range(1,9)]
    print(tree, "2 vs 1 thread training, median of per-round ratios", round(st.median(sc),3), [round(x,2) for x in sc])
print("loads", [r['load'] for r in rows])
