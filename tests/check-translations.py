#!/usr/bin/env python3
# Every language in po/LINGUAS must translate every message of the
# template, with no fuzzy entries and no format mismatches.
#
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import subprocess
import sys

import tempfile

root = pathlib.Path(sys.argv[1])
workdir = tempfile.TemporaryDirectory()
pot = pathlib.Path(workdir.name) / 'accord.pot'
# The same extraction as meson's `accord-pot` target (the glib preset).
subprocess.run(['xgettext', '--files-from=po/POTFILES.in', '--from-code=UTF-8',
                '--add-comments=Translators:', '--keyword=_', '--keyword=N_',
                '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=g_dngettext:2,3',
                '--keyword=g_dpgettext2:2c,3', '--package-name=accord', '-o', str(pot)],
               cwd=root, check=True)
languages = [line.strip() for line in
             (root / 'po' / 'LINGUAS').read_text(encoding='utf-8').splitlines()
             if line.strip() and not line.startswith('#')]

print(f'1..{len(languages)}')
failed = False
for number, language in enumerate(languages, start=1):
    po = root / 'po' / f'{language}.po'
    problems = []
    # Merge against a fresh template so that strings added to the sources
    # but not yet to the catalogue count as untranslated.
    merged = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', '-',
                             str(po), str(pot)], capture_output=True, text=True)
    if merged.returncode != 0:
        problems.append(merged.stderr.strip())
    source = merged.stdout
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', '-'],
                            input=source, capture_output=True, text=True)
    stats = result.stderr.strip()
    if result.returncode != 0 or 'untranslated' in stats or 'fuzzy' in stats:
        problems.append(stats)
    if problems:
        failed = True
        for problem in problems:
            for line in problem.splitlines():
                print(f'# {line}')
        print(f'not ok {number} - po/{language}.po is complete')
    else:
        print(f'ok {number} - po/{language}.po is complete ({stats})')

sys.exit(1 if failed else 0)
