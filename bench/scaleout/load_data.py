#!/usr/bin/env python
"""The data of the scale-out run: the network of ``bench/org_scale.py`` at a small scale, in a
database of its own (dropped and created; the name must contain "bench"), migrated.

    DATABASE_URL=postgres://…/scaleout_bench .venv/bin/python bench/scaleout/load_data.py 0.01
"""
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import org_scale  # noqa: E402  (bench/ on the path first)

if __name__ == "__main__":
    args = org_scale.parse_args(["--scale", sys.argv[1], "--keep",
                                 "--database-url", os.environ["DATABASE_URL"]])
    with org_scale.benchmark_database(args) as url:
        org_scale.network_loaded(args, random.Random(args.seed), url)
