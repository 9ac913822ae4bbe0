#!/usr/bin/env sh
# Pre-listing review of one submitted APK with its privacy policy; exit code 1 blocks listing.
# Usage: app-store-review.sh APP.apk POLICY.html OUT_DIR
set -eu
mkdir -p "$3"
govgate scan "$1" --policy "$2" --pack cn-app-privacy --pack cn-privacy-policy \
  --pack cross-domain --lang zh --fail-on high --fail-on-error \
  --format json --output "$3/govgate.json" --report html="$3/govgate.html"
