#!/usr/bin/env python3
"""Counts the conversations and turns of a dialogue set by role, language, category and expected tool.

Usage: python3 bench/dialogues-count.py <folder>
Prints Markdown tables (the ones in README.md).
"""
import json
import os
import sys
from collections import Counter, defaultdict

if len(sys.argv) < 2:
    sys.exit('usage: python3 bench/dialogues-count.py <folder>')
folder = sys.argv[1]
convs = []
for name in sorted(f for f in os.listdir(folder) if f.endswith('.json')):
    with open(os.path.join(folder, name), encoding='utf-8') as fh:
        for d in json.load(fh):
            d['_file'] = name
            convs.append(d)

turns = [t for d in convs for t in d['turns']]
total = len(turns)
print(f'{len(convs)} conversations, {total} turns.')
lengths = Counter(len(d['turns']) for d in convs)
print('turns per conversation: ' + ', '.join(f'{n} turns: {c}' for n, c in sorted(lengths.items())))
print()


def table(title, key, order=None):
    conv_count, turn_count = Counter(), Counter()
    for d in convs:
        conv_count[key(d)] += 1
        turn_count[key(d)] += len(d['turns'])
    keys = order or sorted(conv_count, key=lambda k: -turn_count[k])
    print(f'| {title} | conversations | turns |')
    print('|---|---|---|')
    for k in keys:
        print(f'| {k} | {conv_count[k]} | {turn_count[k]} ({100 * turn_count[k] / total:.0f}%) |')
    print()


table('role', lambda d: d['role'], ['shopper', 'merchant'])
table('language', lambda d: d['locale'], ['zh', 'en', 'mixed'])

files = defaultdict(set)
by_cat_c, by_cat_t = Counter(), Counter()
for d in convs:
    files[d['category']].add(d['_file'])
    by_cat_c[d['category']] += 1
    by_cat_t[d['category']] += len(d['turns'])
print('| category | file | conversations | turns |')
print('|---|---|---|---|')
for cat in sorted(by_cat_c, key=lambda c: min(files[c])):
    print(f"| {cat} | {', '.join(f'`{f}`' for f in sorted(files[cat]))} | {by_cat_c[cat]} | {by_cat_t[cat]} |")
print()

tools = Counter(t['expect']['tool'] for t in turns)
print('| expected tool | turns |')
print('|---|---|')
for tool, n in sorted(tools.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f'| {tool} | {n} |')
print()

refusal_words = sum(1 for t in turns if t['expect']['tool'] == 'refuse' and t['expect'].get('replyIncludesAny'))
other_words = sum(1 for t in turns if t['expect']['tool'] != 'refuse' and t['expect'].get('replyIncludesAny'))
facts = sum(1 for t in turns if t['expect'].get('replyFacts'))
from_turn = sum(1 for t in turns if any(isinstance(v, dict) and '$fromTurn' in v for v in t['expect'].get('args', {}).values()))
location_only = sum(1 for t in turns if 'location' in t and 'text' not in t)
shared_first = sum(1 for d in convs if 'location' in d)
print(f'{refusal_words} refusal turns need a decline word (replyIncludesAny), {other_words} other turns need a word in the reply, '
      f'{facts} turns name facts the reply must state (replyFacts), {from_turn} turns point back at an earlier result ($fromTurn), '
      f'{location_only} turn is a shared location with no text, {shared_first} conversations share a location first.')
