#!/usr/bin/env bash
# Sharded corpus dedup on a Slurm cluster: three job arrays chained with dependencies.
#   examples/slurm/run.sh DECRUFT INPUT_DIR WORK_DIR OUT_DIR [SHARDS] [BUCKETS]
# INPUT_DIR, WORK_DIR and OUT_DIR must be on a filesystem every node sees.
set -euo pipefail
bin=$1 input=$2 work=$3 out=$4 n=${5:-16} b=${6:-4}
mkdir -p "$work" "$out"
idx=$(for ((i = 0; i < n; i++)); do printf '%s ' "$work/idx-$i"; done)
dec=$(for ((k = 0; k < b; k++)); do printf '%s ' "$work/dec-$k"; done)
j1=$(sbatch --parsable --job-name=decruft-index --array=0-$((n - 1)) \
  --wrap="$bin index $input --shard \$SLURM_ARRAY_TASK_ID/$n --out $work/idx-\$SLURM_ARRAY_TASK_ID")
j2=$(sbatch --parsable --job-name=decruft-merge --dependency=afterok:$j1 --array=0-$((b - 1)) \
  --wrap="$bin merge $idx --bucket \$SLURM_ARRAY_TASK_ID/$b --out $work/dec-\$SLURM_ARRAY_TASK_ID")
j3=$(sbatch --parsable --job-name=decruft-clean --dependency=afterok:$j2 --array=0-$((n - 1)) \
  --wrap="$bin clean -q $input --shard \$SLURM_ARRAY_TASK_ID/$n --decisions $dec --out $out/shard-\$SLURM_ARRAY_TASK_ID")
echo "submitted: index $j1 -> merge $j2 -> clean $j3 (outputs in $out/shard-*)"
