#!/usr/bin/env python3
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
#
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later

import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

patterns = {
    '.c': re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\('),
    '.ui': re.compile(r'translatable="yes"'),
    '.in': re.compile(r'^(?:Name|GenericName|Comment|Keywords)=|<(?:summary|p|li|caption)>', re.M),
    '.xml': re.compile(r'<summary>|<description>'),
}

problems = []
for path in sorted(root.glob('src/**/*')) + sorted(root.glob('data/*')):
    if not path.is_file():
        continue
    pattern = patterns.get(path.suffix)
    if pattern is None or path.name.endswith('.gresource.xml'):
        continue
    relative = path.relative_to(root).as_posix()
    if pattern.search(path.read_text(encoding='utf-8')) and relative not in listed:
        problems.append(f'{relative}: has translatable strings but is not in po/POTFILES.in')

for relative in sorted(listed):
    if not (root / relative).is_file():
        problems.append(f'po/POTFILES.in: lists {relative}, which does not exist')

print('1..1')
if problems:
    for problem in problems:
        print(f'# {problem}')
    print('not ok 1 - po/POTFILES.in is complete')
    sys.exit(1)
print('ok 1 - po/POTFILES.in is complete')
