#!/usr/bin/env python3

"""Writes schema.json from the models."""
import json

from app import models

if __name__ == "__main__":
    print(json.dumps(models.schema(), indent=2))
