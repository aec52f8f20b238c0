#!/usr/bin/env python3
"""Checks the format of this set without importing bench/dialogues.ts (importing it runs the whole bench).

  python3 bench/dialogues-outside-7/check.py [folder] [--store /path/to/shop.db]

Mirrors loadDialogues(): every file is a JSON array of objects with a unique id, role shopper|merchant, a positive
integer `as`, locale zh|en|mixed, a category of CATEGORIES, and turns that each have text or location and an
expect.tool that is a tool name from tools/**/*.ts, "none" or "refuse". Also checks what the bench does not: file
names match their category, every category has at least 2 conversations, expected tools fit the role, slot names in
args / argsText / argsAbsent belong to the tool's zod input, $fromTurn points back at an earlier turn. With --store
(opened read-only) it checks that every caller exists and every expected shopId belongs to the calling merchant.
"""
import glob
import json
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))

CATEGORIES = [
    'greeting_help', 'off_topic', 'not_offered', 'other_people', 'nearby', 'price_check', 'money_words', 'recommend', 'profile',
    'record_purchase', 'proposal_answer', 'feedback', 'credit', 'wealth', 'merchant_stats', 'periods', 'restock', 'reviews',
    'pricing', 'anomalies', 'follow_up', 'correction', 'mixed_language', 'typos',
]
MERCHANT_TOOLS = {'merchant_stats', 'restock_forecast', 'satisfaction_report', 'pricing_advice', 'anomaly_alerts'}
SHOPPER_ONLY = {'customer_profile', 'credit_line', 'recommend', 'wealth_products', 'risk_questionnaire', 'record_purchase', 'feedback', 'confirm_scan', 'scan_to_buy'}
# Slot names of each tool's zod input, as read from tools/**/*.ts on 2026-12-01.
SLOTS = {
    'nearby_shops': {'query', 'category', 'lat', 'lng', 'radiusKm', 'maxPrice', 'exclude', 'sort', 'limit', 'offset'},
    'price_check': {'product', 'productId', 'price', 'currency', 'shopId', 'lat', 'lng', 'radiusKm'},
    'scan_to_buy': {'lat', 'lng', 'limit'},
    'confirm_scan': {'productId', 'position'},
    'recommend': {'category', 'budget', 'nearMe', 'need', 'exclude', 'limit'},
    'customer_profile': set(),
    'record_purchase': {'product', 'productId', 'price', 'quantity', 'shopId', 'date', 'paymentMethod'},
    'feedback': {'productId', 'rating', 'comment'},
    'credit_line': set(),
    'wealth_products': {'horizonMonths', 'needLiquidity', 'amount'},
    'risk_questionnaire': {'answers'},
    'merchant_stats': {'period', 'shopId', 'topN'},
    'restock_forecast': {'shopId', 'product', 'horizonWeeks', 'leadTimeDays', 'reviewDays', 'serviceLevel', 'limit'},
    'satisfaction_report': {'shopId', 'period', 'compareRadiusKm'},
    'pricing_advice': {'shopId', 'costRatio', 'days'},
    'anomaly_alerts': {'shopId', 'period', 'lookbackDays'},
}


def tool_names():
    """Tool names as declared in tools/**/*.ts: a `name: '...'` followed by a `roles:` line (defineTool specs)."""
    names = set()
    for path in glob.glob(os.path.join(ROOT, 'tools', '**', '*.ts'), recursive=True):
        text = open(path, encoding='utf8').read()
        for m in re.finditer(r"\n\s+name: '([a-z_]+)',", text):
            if 'roles:' in text[m.end():m.end() + 2500].split('\n  async run')[0]:
                names.add(m.group(1))
    return names


def main():
    args = sys.argv[1:]
    store = None
    if '--store' in args:
        i = args.index('--store')
        store = args[i + 1]
        del args[i:i + 2]
    folder = args[0] if args else HERE
    tools = tool_names()
    problems = []
    ids = set()
    per_category = {c: 0 for c in CATEGORIES}
    dialogues = []
    files = sorted(f for f in os.listdir(folder) if f.endswith('.json'))
    for file in files:
        data = json.load(open(os.path.join(folder, file), encoding='utf8'))
        if not isinstance(data, list):
            problems.append(f'{file}: not a JSON array')
            continue
        for d in data:
            where = f"{file}/{d.get('id')}"
            if not isinstance(d, dict):
                problems.append(f'{file}: an element is not an object')
                continue
            if not d.get('id') or d['id'] in ids:
                problems.append(f'{where}: missing or duplicate id')
            ids.add(d.get('id'))
            if d.get('role') not in ('shopper', 'merchant'):
                problems.append(f'{where}: role')
            if not (isinstance(d.get('as'), int) and not isinstance(d.get('as'), bool) and d['as'] >= 1):
                problems.append(f'{where}: "as" must be a positive integer')
            if d.get('locale') not in ('zh', 'en', 'mixed'):
                problems.append(f'{where}: locale')
            cat = d.get('category')
            if cat not in CATEGORIES:
                problems.append(f'{where}: unknown category {cat}')
            else:
                per_category[cat] += 1
                if not re.fullmatch(r'\d\d-' + cat + r'\.json', file):
                    problems.append(f'{where}: category {cat} in file {file}')
            turns = d.get('turns')
            if not turns:
                problems.append(f'{where}: no turns')
                continue
            for i, t in enumerate(turns):
                w = f'{where} turn {i + 1}'
                if not t.get('text') and not t.get('location'):
                    problems.append(f'{w}: needs text or location')
                e = t.get('expect') or {}
                tool = e.get('tool')
                if tool not in ('none', 'refuse') and tool not in tools:
                    problems.append(f'{w}: unknown expected tool {tool}')
                    continue
                if tool in MERCHANT_TOOLS and d.get('role') != 'merchant':
                    problems.append(f'{w}: {tool} expected for a shopper')
                if tool in SHOPPER_ONLY and d.get('role') != 'shopper':
                    problems.append(f'{w}: {tool} expected for a merchant')
                slots = SLOTS.get(tool, set())
                for key in ('args', 'argsText'):
                    for slot in (e.get(key) or {}):
                        if slot not in slots:
                            problems.append(f'{w}: {key}.{slot} is not a slot of {tool}')
                for slot in e.get('argsAbsent') or []:
                    if slot not in slots:
                        problems.append(f'{w}: argsAbsent {slot} is not a slot of {tool}')
                for v in (e.get('args') or {}).values():
                    if isinstance(v, dict) and '$fromTurn' in v and not (0 <= v['$fromTurn'] < i):
                        problems.append(f'{w}: $fromTurn {v["$fromTurn"]} does not point back')
            dialogues.append(d)
    for c, n in per_category.items():
        if n < 2:
            problems.append(f'category {c}: {n} conversations (want at least 2)')
    if store:
        con = sqlite3.connect(f'file:{store}?mode=ro', uri=True)
        for d in dialogues:
            table = 'Customer' if d['role'] == 'shopper' else 'Merchant'
            if not con.execute(f'select 1 from "{table}" where id=?', (d['as'],)).fetchone():
                problems.append(f"{d['id']}: no {table} {d['as']}")
            if d['role'] != 'merchant':
                continue
            own = {r[0] for r in con.execute('select id from Shop where merchantId=?', (d['as'],))}
            for i, t in enumerate(d['turns']):
                shop = (t['expect'].get('args') or {}).get('shopId')
                if isinstance(shop, int) and shop not in own:
                    problems.append(f"{d['id']} turn {i + 1}: shop {shop} is not merchant {d['as']}'s")
    print(f'{len(files)} files, {len(dialogues)} conversations, {sum(len(d["turns"]) for d in dialogues)} turns; tools known: {len(tools)}')
    for p in problems:
        print('PROBLEM', p)
    print(f'{len(problems)} problems')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
