#!/usr/bin/env bash
# Copyright 2025 Acme Corp

set -euo pipefail

target=${1:?usage: deploy.sh TARGET}
rsync -a build/ "deploy@${target}:/srv/app/"
