#!/usr/bin/env python3
"""Writes SharedResource.resx (Korean, the neutral culture) and SharedResource.en.resx from strings.tsv, and
<Name>Resource.resx / .en.resx from any other <Name>.tsv beside it (a module's own strings).
Edit the TSV (key, Korean, English; tab-separated), then run: python3 scripts/resx.py"""
import html, pathlib
root = pathlib.Path(__file__).resolve().parent.parent / "src/FinCloud.Web/Resources"
head = '''<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from strings.tsv by scripts/resx.py: edit the TSV, not this file. -->
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for tsv in sorted(root.glob("*.tsv")):
    stem = "SharedResource" if tsv.name == "strings.tsv" else tsv.stem + "Resource"
    rows = [l.split("\t") for l in tsv.read_text(encoding="utf-8").splitlines() if l.strip()]
    for name, col in ((stem + ".resx", 1), (stem + ".en.resx", 2)):
        body = "".join(f'  <data name="{r[0]}" xml:space="preserve"><value>{html.escape(r[col], quote=False)}</value></data>\n' for r in rows)
        (root / name).write_text(head + body + "</root>\n", encoding="utf-8")
