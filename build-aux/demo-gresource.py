#!/usr/bin/env python3
# Writes the GResource description of the bundled demo strategy: every file
# under DEMO_DIR, under the prefix the application extracts it from.
#
#   demo-gresource.py DEMO_DIR OUTPUT
#
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
from xml.sax.saxutils import escape

demo_dir, output = sys.argv[1], sys.argv[2]
paths = []
for root, dirs, files in os.walk(demo_dir):
    dirs.sort()
    for name in sorted(files):
        paths.append(os.path.relpath(os.path.join(root, name), demo_dir))

with open(output, 'w', encoding='utf-8') as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gresources>\n')
    out.write('  <gresource prefix="/io/github/accord_editor/Accord/demo">\n')
    for path in paths:
        out.write('    <file>%s</file>\n' % escape(path))
    out.write('  </gresource>\n</gresources>\n')
