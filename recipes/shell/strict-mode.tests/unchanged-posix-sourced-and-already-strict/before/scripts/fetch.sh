#!/usr/bin/env bash
set -o errexit
curl -fsSL "$1" -o /tmp/fetch.out
