#!/usr/bin/env python3
"""Counts this set: conversations and turns by role, language, category and expected tool (markdown tables).

  python3 bench/dialogues-outside-7/count.py [folder]
"""
import collections
import json
import os
import sys

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
files = sorted(f for f in os.listdir(folder) if f.endswith('.json'))
dialogues = [(f, d) for f in files for d in json.load(open(os.path.join(folder, f), encoding='utf8'))]
turns = sum(len(d['turns']) for _, d in dialogues)
pct = lambda n: f'{round(100 * n / turns)}%'

print(f'{len(dialogues)} conversations, {turns} turns.')
lengths = collections.Counter(len(d['turns']) for _, d in dialogues)
print('turns per conversation: ' + ', '.join(f'{k} turn{"s" if k > 1 else ""}: {lengths[k]}' for k in sorted(lengths)))


def table(title, key, order=None, with_pct=True, file_col=False):
    convs, ts, where = collections.Counter(), collections.Counter(), {}
    for f, d in dialogues:
        k = key(d)
        convs[k] += 1
        ts[k] += len(d['turns'])
        where[k] = f
    keys = order or sorted(convs, key=lambda k: (-ts[k], k))
    print()
    print(f'| {title} |' + (' file |' if file_col else '') + ' conversations | turns |')
    print('|---|' + ('---|' if file_col else '') + '---|---|')
    for k in keys:
        if k not in convs:
            continue
        print(f'| {k} |' + (f' `{where[k]}` |' if file_col else '') + f' {convs[k]} | {ts[k]}' + (f' ({pct(ts[k])})' if with_pct else '') + ' |')


table('role', lambda d: d['role'], ['shopper', 'merchant'])
table('language', lambda d: d['locale'], ['zh', 'en', 'mixed'])
table('category', lambda d: d['category'], list(dict.fromkeys(d['category'] for _, d in dialogues)), with_pct=False, file_col=True)

tools = collections.Counter(t['expect']['tool'] for _, d in dialogues for t in d['turns'])
print()
print('| expected tool | turns |')
print('|---|---|')
for tool, n in sorted(tools.items(), key=lambda x: (-x[1], x[0])):
    print(f'| {tool} | {n} |')

by_role_locale = collections.Counter((d['role'], d['locale']) for _, d in dialogues)
print()
print('| role × language | zh | en | mixed |')
print('|---|---|---|---|')
for role in ('shopper', 'merchant'):
    print(f'| {role} | ' + ' | '.join(str(by_role_locale[(role, l)]) for l in ('zh', 'en', 'mixed')) + ' |')

all_turns = [t for _, d in dialogues for t in d['turns']]
refusal_words = sum(1 for t in all_turns if t['expect']['tool'] == 'refuse' and t['expect'].get('replyIncludesAny'))
facts = sum(1 for t in all_turns if t['expect'].get('replyFacts'))
from_turn = sum(1 for t in all_turns if '$fromTurn' in json.dumps(t['expect'].get('args', {})))
absent = sum(1 for t in all_turns if t['expect'].get('argsAbsent'))
loc_only = sum(1 for t in all_turns if t.get('location') and not t.get('text'))
conv_loc = sum(1 for _, d in dialogues if d.get('location'))
print()
print(f'{refusal_words} refusal turns need a decline word (replyIncludesAny), {facts} turns name facts the reply must state (replyFacts), '
      f'{from_turn} turns point back at an earlier result ($fromTurn), {absent} turns name slots that must be left out (argsAbsent), '
      f'{loc_only} turn is a shared location with no text, {conv_loc} conversations share a location first.')
