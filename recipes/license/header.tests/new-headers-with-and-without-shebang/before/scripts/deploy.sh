#!/usr/bin/env bash
set -euo pipefail

target=${1:?usage: deploy.sh TARGET}
rsync -a build/ "deploy@${target}:/srv/app/"
