#!/bin/sh
# The offprint command (package.json "bin"; scripts/bundle.js copies it to dist/bundle/offprint).
# It starts Node from the start-up snapshot made at build time (cli.blob beside it, see
# src/snapshot.ts), which holds the loaded and warmed-up pipeline, when that snapshot is this
# Node's: Node refuses a snapshot made by another build of it or started under other V8 flags,
# so with NODE_OPTIONS set, another `node` on the PATH than the one that made it (its size is
# kept in cli.blob.node) or the snapshot in another folder than it was made in, it runs the
# bundle the usual way, as it does without a snapshot.
self=$0
case $self in */*) ;; *) self=./$self ;; esac
# npm links the command into node_modules/.bin: follow the links to the bundle's folder.
while [ -L "$self" ]; do
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) self=${self%/*}/$link ;; esac
done
# CDPATH left out: cd would search it for a relative folder and print where it went.
dir=$(CDPATH='' cd -P -- "${self%/*}" >/dev/null && pwd -P) || exit 1
node=$(command -v node) || { echo 'offprint: node is not on the PATH' >&2; exit 127; }

# The size in bytes of a file (the fifth field of ls -l; POSIX, no stat(1) needed).
size_of() {
  # shellcheck disable=SC2046 # split into ls's fields on purpose
  set -- $(LC_ALL=C ls -lLn "$1" 2>/dev/null)
  echo "${5-}"
}

# cli.blob.node: the size of the node that made the snapshot and the folder it was made in (a
# snapshot copied or installed elsewhere would only hand over to cli.js).
if [ -z "${NODE_OPTIONS-}" ] && [ -r "$dir/cli.blob" ] && { read -r made_by made_in <"$dir/cli.blob.node"; } 2>/dev/null &&
  [ "$made_in" = "$dir" ] && [ "$made_by" = "$(size_of "$node")" ]; then
  OFFPRINT_BUNDLE_DIR=$dir exec "$node" --snapshot-blob "$dir/cli.blob" -- "$@"
fi
exec "$node" "$dir/cli.js" "$@"
