#!/usr/bin/env bash
# Builds the Python wheel, dist/joblens-VERSION-py3-none-PLATFORM.whl: the package in python/
# with the release binary bundled (the Swift runtime linked in statically; ICU, Snowball, zlib
# and SQLite come from the system libraries that scripts/setup.sh installs), the default
# curriculum, shell completions and, with --man, the man page (ArgumentParser's plugin).
#
#   scripts/build-wheel.sh [--man]
#
# Then, in any virtual environment on a machine with the README's set-up:
#   pip install dist/joblens-*.whl pandas
# The static build has a scratch folder of its own (.build/static), so that it does not undo
# the test build in .build/release.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --static-swift-stdlib --product joblens --scratch-path .build/static
binary=.build/static/release/joblens

share=$(mktemp -d)
trap 'rm -rf "$share"' EXIT
# Stripped: the symbols are half of the binary and no user needs them.
mkdir -p "$share/bin"
strip -o "$share/bin/joblens" "$binary"
mkdir -p "$share/share/bash-completion/completions" "$share/share/zsh/site-functions" \
  "$share/share/fish/vendor_completions.d" "$share/share/man/man1"
"$binary" --generate-completion-script bash >"$share/share/bash-completion/completions/joblens"
"$binary" --generate-completion-script zsh >"$share/share/zsh/site-functions/_joblens"
"$binary" --generate-completion-script fish >"$share/share/fish/vendor_completions.d/joblens.fish"
if [ "${1:-}" = "--man" ]; then
  # The plugin builds the package in release mode; in a scratch folder of its own, since its
  # build settings differ from the static build's.
  swift package --scratch-path .build/man generate-manual
fi
man=.build/man/plugins/GenerateManual/outputs/joblens/joblens.1
[ -f "$man" ] && cp "$man" "$share/share/man/man1/joblens.1"
rmdir "$share/share/man/man1" "$share/share/man" 2>/dev/null || true

python3 scripts/make-wheel.py --binary "$share/bin/joblens" --share "$share/share" --out dist
