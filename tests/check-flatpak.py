#!/usr/bin/env python3
# The Flatpak manifest parses, names the application as meson does, pins
# every downloaded source by sha256, and is accepted by flatpak-builder
# when that is installed.
#
# Copyright 2026 The Accord authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import pathlib
import re
import shutil
import subprocess
import sys

manifest_path = pathlib.Path(sys.argv[1])
app_id = sys.argv[2]
checks = []

manifest = json.loads(manifest_path.read_text(encoding='utf-8'))
checks.append(('application id', manifest.get('id') == app_id))
checks.append(('GNOME runtime', manifest.get('runtime') == 'org.gnome.Platform'
               and manifest.get('sdk') == 'org.gnome.Sdk'))
checks.append(('command', manifest.get('command') == 'accord'))

sources = [s for m in manifest['modules'] for s in m.get('sources', [])]
remote = [s for s in sources if 'url' in s]
checks.append(('downloads pinned by sha256',
               bool(remote) and all(re.fullmatch(r'[0-9a-f]{64}', s.get('sha256', ''))
                                    for s in remote)))
checks.append(('app built from this checkout',
               manifest['modules'][-1].get('sources') == [s for s in sources
                                                          if s.get('type') == 'dir']))
permissions = set(manifest.get('finish-args', []))
checks.append(('network and ssh-agent for sync',
               {'--share=network', '--socket=ssh-auth'} <= permissions))

builder = shutil.which('flatpak-builder')
if builder:
    result = subprocess.run([builder, '--show-manifest', str(manifest_path)],
                            capture_output=True, text=True)
    checks.append(('flatpak-builder --show-manifest', result.returncode == 0))

print(f'1..{len(checks)}')
for number, (name, ok) in enumerate(checks, start=1):
    print(f'{"ok" if ok else "not ok"} {number} - {name}')
sys.exit(0 if all(ok for _, ok in checks) else 1)
