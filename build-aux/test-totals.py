#!/usr/bin/env python3
# Adds up the results meson recorded in each BUILDDIR/meson-logs/testlog.json
# and prints them as "N passed, N failed, N skipped".
#
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import pathlib
import sys

PASSED = {'OK', 'EXPECTEDFAIL'}
SKIPPED = {'SKIP'}

passed = failed = skipped = 0
for builddir in sys.argv[1:]:
    log = pathlib.Path(builddir) / 'meson-logs' / 'testlog.json'
    if not log.is_file():
        print(f'{log}: missing; counting the build as one failure', file=sys.stderr)
        failed += 1
        continue
    for line in log.read_text(encoding='utf-8').splitlines():
        if not line.strip():
            continue
        result = json.loads(line)['result']
        if result in PASSED:
            passed += 1
        elif result in SKIPPED:
            skipped += 1
        else:
            failed += 1

print(f'{passed} passed, {failed} failed, {skipped} skipped')
