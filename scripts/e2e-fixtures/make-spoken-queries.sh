#!/usr/bin/env bash
# Regenerates the fake-microphone fixtures in e2e/fixtures/ (see e2e/fixtures/README.md).
#
# Chromium plays one WAV file as its microphone (--use-file-for-fake-audio-capture=FILE%noloop).
# After the file ends, Chromium 156's fake device goes on with a steady tone, so every file has
# LEAD_S of silence before the speech (the voice-activity detector's pre-speech pad needs audio
# before the first word) and TRAIL_S of silence after it (so the detector sees the speech end
# before the tone starts). Files are mono 16-bit PCM at RATE Hz; Chromium resamples them.
#
# Deterministic: sox runs with -R (fixed PRNG seed) and -D (no dither); espeak-ng and flite give
# the same samples for the same version (generated with espeak-ng 1.51, flite 2.2, SoX 14.4.2).
#
# Usage:
#   scripts/e2e-fixtures/make-spoken-queries.sh                  # writes the chosen fixtures
#   scripts/e2e-fixtures/make-spoken-queries.sh --candidates DIR # every text in every voice, plus
#       DIR/manifest.tsv, to choose from with: npm run -s eval -- --manifest DIR/manifest.tsv
set -euo pipefail

for tool in espeak-ng flite sox; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' is required but not installed (Debian/Ubuntu: apt-get install espeak-ng flite sox)" >&2
    exit 1
  fi
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RATE=16000
LEAD_S=1.0
TRAIL_S=3.0

# Voices tried for every candidate: engine|voice|espeak-ng words per minute (- for flite).
VOICES=(
  "flite|slt|-"
  "flite|kal16|-"
  "flite|rms|-"
  "flite|awb|-"
  "espeak-ng|en-us|130"
)

# Candidate queries: place names from the catalogue, alone and in a phrase.
TEXTS=(
  "Paris" "Tokyo" "London" "Berlin" "Madrid" "Sydney" "Toronto" "Chicago" "Moscow" "Rome"
  "Lisbon" "Japan" "Canada" "Mexico City"
  "weather in Barcelona" "hotels in Amsterdam" "flights to Cairo" "restaurants in Vienna"
)

# The fixtures kept (whisper-tiny-q8 transcribes them right): file stem|engine|voice|speed|text.
CHOSEN=(
  "paris|espeak-ng|en-us|130|Paris"
  "tokyo|flite|rms|-|Tokyo"
  "london|flite|rms|-|London"
  "berlin|flite|slt|-|Berlin"
  "madrid|flite|awb|-|Madrid"
  "toronto|flite|slt|-|Toronto"
  "chicago|flite|rms|-|Chicago"
  "japan|flite|rms|-|Japan"
  "mexico-city|flite|awb|-|Mexico City"
  "hotels-in-amsterdam|flite|rms|-|hotels in Amsterdam"
)

# Trim the TTS output's digital silence at both ends, then resample and pad.
synth() { # engine voice speed text out
  local engine=$1 voice=$2 speed=$3 text=$4 out=$5 raw
  raw="$(mktemp --suffix=.wav)"
  case "$engine" in
    espeak-ng) espeak-ng -v "$voice" -s "$speed" -w "$raw" "$text" ;;
    flite) flite -voice "$voice" -t "$text" -o "$raw" ;;
    *) echo "error: unknown engine $engine" >&2; exit 1 ;;
  esac
  sox -R -D -V1 "$raw" -b 16 -e signed-integer -c 1 -r "$RATE" "$out" \
    silence 1 0.01 0.05% reverse silence 1 0.01 0.05% reverse rate -v "$RATE" pad "$LEAD_S" "$TRAIL_S"
  rm -f "$raw"
}

slug() { tr '[:upper:] ' '[:lower:]-' <<<"$1"; }

if [[ "${1:-}" == "--candidates" ]]; then
  dir="${2:?usage: --candidates DIR}"
  mkdir -p "$dir"
  : >"$dir/manifest.tsv"
  for text in "${TEXTS[@]}"; do
    for v in "${VOICES[@]}"; do
      IFS='|' read -r engine voice speed <<<"$v"
      name="$(slug "$text")_${engine}-${voice}.wav"
      synth "$engine" "$voice" "$speed" "$text" "$dir/$name"
      printf '%s\t%s\n' "$name" "$text" >>"$dir/manifest.tsv"
    done
  done
  echo "wrote $(wc -l <"$dir/manifest.tsv") candidates to $dir"
  exit 0
fi

OUT="$ROOT/e2e/fixtures"
mkdir -p "$OUT"

# Not speech: 6 s of quiet pink noise with two louder bursts (a cough-like thump and a hiss), for
# the test that nothing is made up from noise. sox -R makes the noise the same on every run.
sox -R -D -V1 -n -b 16 -e signed-integer -c 1 -r "$RATE" "$OUT/noise-only.wav" \
  synth 6 pinknoise vol 0.01 : synth 0.4 brownnoise vol 0.3 : synth 1.5 pinknoise vol 0.01 : synth 0.6 whitenoise vol 0.08 : synth 3 pinknoise vol 0.01
printf '%s\t%s\n' "noise-only.wav" "(no speech)"
for entry in "${CHOSEN[@]}"; do
  IFS='|' read -r stem engine voice speed text <<<"$entry"
  synth "$engine" "$voice" "$speed" "$text" "$OUT/$stem.wav"
  printf '%s\t%s\n' "$stem.wav" "$text"
done
