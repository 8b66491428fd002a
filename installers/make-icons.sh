#!/usr/bin/env bash
# Regenerates every icon format from the one source, assets/icon/albert-lab.svg, and writes them next to it:
#   albert-lab.png  512 px   Linux packages, the window icon
#   albert-lab.ico  16-256   Windows
#   albert-lab.icns 16-512   macOS
# The results are committed, so building an installer needs neither tool. Needs ImageMagick and png2icns
# (Debian: apt-get install imagemagick icnsutils). Run it after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Rendered once large and scaled down, so small sizes are antialiased like the big one. No timestamps or
# comments in the PNGs: regenerating an unchanged SVG gives byte-identical files.
convert -background none -density 192 albert-lab.svg -resize 1024x1024 "$work/1024.png"
png() { convert "$work/1024.png" -resize "$1x$1" -strip -define png:exclude-chunks=date,time "PNG32:$2"; }

png 512 albert-lab.png
for s in 16 24 32 48 64 128 256; do png "$s" "$work/ico-$s.png"; done
convert "$work"/ico-{16,24,32,48,64,128,256}.png albert-lab.ico
for s in 16 32 48 128 256 512; do png "$s" "$work/icns-$s.png"; done
png2icns albert-lab.icns "$work"/icns-{16,32,48,128,256,512}.png >/dev/null
ls -l albert-lab.png albert-lab.ico albert-lab.icns
