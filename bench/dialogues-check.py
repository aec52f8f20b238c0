#!/usr/bin/env python3
"""Checks the format of a dialogue set (bench/dialogues*/) without importing bench/dialogues.ts (importing it runs the whole bench).

  python3 bench/dialogues-check.py <folder> [--store /path/to/shop.db]

Mirrors loadDialogues(): every file is a JSON array of objects with a unique id, role shopper|merchant, a positive
integer `as`, locale zh|en|mixed, a category of CATEGORIES, and turns that each have text or location and an
expect.tool that is a tool name declared with defineTool in tools/**/*.ts, "none" or "refuse". Also checks what the
bench does not: file names match their category (numbered as in CATEGORIES), every category has at least 2
conversations, only known expect keys, expected tools fit the role, every slot in args / argsText / argsAbsent is in
the tool's zod input, plain values, $in options and $gte/$lte bounds fit the slot's type and range, periods are named
periods or ordered {from, to} dates that end by the pinned day, $within windows are ordered, $fromTurn points back at
a recommend turn, replyFacts paths name fields of the tool's output. With --store (opened read-only) it checks that
every caller exists and every expected shopId belongs to the calling merchant.
"""
import glob
import json
import os
import re
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..'))
PINNED_DAY = '2026-11-30'

CATEGORIES = [
    'greeting_help', 'off_topic', 'not_offered', 'other_people', 'nearby', 'price_check', 'money_words', 'recommend', 'profile',
    'record_purchase', 'proposal_answer', 'feedback', 'credit', 'wealth', 'merchant_stats', 'periods', 'restock', 'reviews',
    'pricing', 'anomalies', 'follow_up', 'correction', 'mixed_language', 'typos',
]
NAMED_PERIODS = {'today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_7_days', 'last_30_days',
                 'last_90_days', 'this_year', 'last_year'}
MERCHANT_TOOLS = {'merchant_stats', 'restock_forecast', 'satisfaction_report', 'pricing_advice', 'anomaly_alerts'}
SHOPPER_ONLY = {'customer_profile', 'credit_line', 'recommend', 'wealth_products', 'risk_questionnaire', 'record_purchase',
                'feedback', 'confirm_scan', 'scan_to_buy'}
CATEGORY_KEYS = {'clothing', 'cleaning', 'fresh', 'digital', 'stationery', 'beauty', 'dining', 'sports', 'baby', 'books', 'snacks'}

# Slots of each tool's zod input as read from tools/**/*.ts on 2026-12-02: (type, min, max) or an enum set.
NUM = lambda lo, hi, integer=False: ('int' if integer else 'num', lo, hi)
STR = ('str', 0, None)
BOOL = ('bool', None, None)
PERIOD = ('period', None, None)
DATE = ('date', None, None)
SLOTS = {
    'nearby_shops': {'query': STR, 'category': CATEGORY_KEYS, 'lat': NUM(-90, 90), 'lng': NUM(-180, 180), 'radiusKm': NUM(0.0001, 20),
                     'maxPrice': NUM(0.0001, None), 'exclude': STR, 'sort': {'best', 'distance', 'price', 'rating'},
                     'limit': NUM(1, 20, True), 'offset': NUM(0, 200, True)},
    'price_check': {'product': STR, 'productId': NUM(1, None, True), 'price': NUM(0.0001, 1_000_000), 'currency': {'CNY'},
                    'shopId': NUM(1, None, True), 'lat': NUM(-90, 90), 'lng': NUM(-180, 180), 'radiusKm': NUM(0.0001, 20)},
    'scan_to_buy': {'lat': NUM(-90, 90), 'lng': NUM(-180, 180), 'limit': NUM(1, None, True)},
    'confirm_scan': {'productId': NUM(1, None, True), 'position': NUM(1, None, True)},
    'recommend': {'category': CATEGORY_KEYS, 'budget': NUM(0.0001, None), 'nearMe': BOOL, 'need': STR, 'exclude': STR, 'limit': NUM(1, 10, True)},
    'customer_profile': {},
    'record_purchase': {'product': STR, 'productId': NUM(1, None, True), 'price': NUM(0.0001, 100_000), 'quantity': NUM(1, 99, True),
                        'shopId': NUM(1, None, True), 'date': DATE, 'paymentMethod': {'debit_wallet', 'pay_later', 'third_party'}},
    'feedback': {'productId': NUM(1, None, True), 'rating': NUM(1, 5, True), 'comment': STR},
    'credit_line': {},
    'wealth_products': {'horizonMonths': NUM(0, 600, True), 'needLiquidity': BOOL, 'amount': NUM(0.0001, None)},
    'risk_questionnaire': {'answers': STR},
    'merchant_stats': {'period': PERIOD, 'shopId': NUM(1, None, True), 'topN': NUM(1, 20, True)},
    'restock_forecast': {'shopId': NUM(1, None, True), 'product': STR, 'horizonWeeks': NUM(1, 12, True), 'leadTimeDays': NUM(1, 60, True),
                         'reviewDays': NUM(1, 60, True), 'serviceLevel': NUM(0.5, 0.999), 'limit': NUM(1, 50, True)},
    'satisfaction_report': {'shopId': NUM(1, None, True), 'period': PERIOD, 'compareRadiusKm': NUM(0.0001, 20)},
    'pricing_advice': {'shopId': NUM(1, None, True), 'costRatio': NUM(0.1, 0.95), 'days': NUM(60, 730, True)},
    'anomaly_alerts': {'shopId': NUM(1, None, True), 'period': PERIOD, 'lookbackDays': NUM(28, 365, True)},
}
# Fields of each tool's output (as read from its zod output), for replyFacts; '#' = any array index.
T = {'revenue', 'orders', 'units', 'customers', 'averageBasket', 'refunds'}
FACTS = {
    'merchant_stats': {'current': T, 'previous': T, 'change': {'revenuePct', 'ordersPct', 'averageBasketPct'},
                       'topProducts': {'#': {'productId', 'name', 'units', 'revenue', 'sharePct'}}, 'period': {'label', 'from', 'to'}},
    'credit_line': {'account': {'limit', 'used', 'available', 'state', 'overdueAmount'}, 'nextBill': {'amount', 'dueDate'},
                    'risk': {'probabilityLatePct', 'policyLimit', 'policy'}},
    'customer_profile': {'name': None, 'facts': {'orders': None, 'firstOrder': None, 'lastOrder': None, 'spend90d': None, 'averageBasket': None,
                                                 'topCategories': {'#': {'category', 'sharePct'}}, 'topShops': {'#': {'name', 'visits'}},
                                                 'weekendSharePct': None, 'payment': {'#': {'method', 'sharePct'}}}},
    'satisfaction_report': {'reviews': None, 'averageScore': None, 'complaints': None},
    'nearby_shops': {'results': {'#': {'name', 'distanceM', 'rating', 'address', 'openingHours'}}, 'total': None},
    'price_check': {'product': {'id', 'name'}, 'verdict': None, 'distribution': {'min', 'q1', 'median', 'q3', 'max'}},
}
EXPECT_KEYS = {'tool', 'args', 'argsText', 'argsAbsent', 'replyIncludesAny', 'replyFacts'}


def tool_names():
    """Tool names declared with defineTool in tools/**/*.ts."""
    names = set()
    for path in glob.glob(os.path.join(ROOT, 'tools', '**', '*.ts'), recursive=True):
        text = open(path, encoding='utf8').read()
        for m in re.finditer(r"defineTool\(\{\s*name: '([a-z_]+)'", text):
            names.add(m.group(1))
    return names


def slot_source_problems():
    """The hard-coded slot names above must still be keys in each tool's source (its zod input)."""
    out = []
    for path in glob.glob(os.path.join(ROOT, 'tools', '**', '*.ts'), recursive=True):
        text = open(path, encoding='utf8').read()
        for m in re.finditer(r"defineTool\(\{\s*name: '([a-z_]+)'", text):
            tool = m.group(1)
            for slot in SLOTS.get(tool, {}):
                if slot in ('lat', 'lng') and '...pointInput' in text:
                    continue
                if not re.search(r'\b' + slot + r'\s*:\s*(z\.|periodSchema\b)', text):
                    out.append(f'{tool}: slot {slot} not found as a zod key in {os.path.relpath(path, ROOT)}')
    return out


def fact_ok(tool, path):
    node = FACTS.get(tool)
    for part in path.split('.'):
        if node is None:
            return False
        if isinstance(node, set):
            if part not in node:
                return False
            node = None
            continue
        if '#' in node and re.fullmatch(r'-?\d+', part):
            node = node['#']
            continue
        if part not in node:
            return False
        node = node[part]
    return True


DATE_RE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def value_problems(slot, spec, v):
    """Problems of one plain expected value against the slot's spec."""
    if isinstance(spec, set):
        return [] if v in spec else [f'{slot}={v!r} not in {sorted(spec)}']
    kind, lo, hi = spec
    if kind in ('num', 'int'):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return [f'{slot}={v!r} is not a number']
        if kind == 'int' and v != int(v):
            return [f'{slot}={v!r} is not an integer']
        if lo is not None and v < lo or hi is not None and v > hi:
            return [f'{slot}={v!r} outside {lo}..{hi}']
        return []
    if kind == 'str':
        return [] if isinstance(v, str) else [f'{slot}={v!r} is not a string']
    if kind == 'bool':
        return [] if isinstance(v, bool) else [f'{slot}={v!r} is not a boolean']
    if kind == 'date':
        return [] if isinstance(v, str) and DATE_RE.match(v) and '2025-11-30' <= v <= PINNED_DAY else [f'{slot}={v!r} is not a date within the last year']
    if kind == 'period':
        if isinstance(v, str):
            return [] if v in NAMED_PERIODS else [f'{slot}={v!r} is not a named period']
        if isinstance(v, dict) and set(v) == {'from', 'to'}:
            if not (DATE_RE.match(v['from']) and DATE_RE.match(v['to'])):
                return [f'{slot}: bad dates {v}']
            if v['from'] > v['to'] or v['to'] > PINNED_DAY:
                return [f'{slot}: {v} reversed or after the pinned day']
            return []
        return [f'{slot}={v!r} is not a period']
    return [f'{slot}: unknown spec']


def expected_problems(slot, spec, want):
    if isinstance(want, dict) and '$in' in want:
        return [p for option in want['$in'] for p in expected_problems(slot, spec, option)]
    if isinstance(want, dict) and ('$gte' in want or '$lte' in want):
        return [p for k in ('$gte', '$lte') if k in want for p in value_problems(slot, spec, want[k])] + \
            ([f'{slot}: $gte > $lte'] if '$gte' in want and '$lte' in want and want['$gte'] > want['$lte'] else [])
    if isinstance(want, dict) and '$within' in want:
        w = want['$within']
        bad = [x for x in (*w['from'], *w['to']) if not DATE_RE.match(x)]
        if bad or spec != PERIOD:
            return [f'{slot}: bad $within {w}']
        if not (w['from'][0] <= w['from'][1] <= w['to'][1] and w['to'][0] <= w['to'][1] <= PINNED_DAY and w['from'][0] <= w['to'][0]):
            return [f'{slot}: $within windows out of order {w}']
        return []
    if isinstance(want, dict) and '$fromTurn' in want:
        return []
    return value_problems(slot, spec, want)


def main():
    args = sys.argv[1:]
    store = None
    if '--store' in args:
        i = args.index('--store')
        store = args[i + 1]
        del args[i:i + 2]
    if not args:
        sys.exit('usage: python3 bench/dialogues-check.py <folder> [--store /path/to/shop.db]')
    folder = args[0]
    tools = tool_names()
    problems = slot_source_problems()
    ids = set()
    per_category = {c: 0 for c in CATEGORIES}
    dialogues = []
    files = sorted(f for f in os.listdir(folder) if f.endswith('.json'))
    # Sets written since the seventh session keep one numbered file per category; older sets group freely.
    numbered = all(re.match(r'\d\d-', f) for f in files)
    for file in files:
        try:
            data = json.load(open(os.path.join(folder, file), encoding='utf8'))
        except json.JSONDecodeError as e:
            problems.append(f'{file}: invalid JSON ({e})')
            continue
        if not isinstance(data, list):
            problems.append(f'{file}: not a JSON array')
            continue
        for d in data:
            if not isinstance(d, dict):
                problems.append(f'{file}: an element is not an object')
                continue
            where = f"{file}/{d.get('id')}"
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
                if numbered and file != f'{CATEGORIES.index(cat) + 1:02d}-{cat}.json':
                    problems.append(f'{where}: category {cat} in file {file}')
            if 'location' in d and not (isinstance(d['location'], dict) and set(d['location']) == {'lat', 'lng'}):
                problems.append(f'{where}: location must be {{lat, lng}}')
            turns = d.get('turns')
            if not turns:
                problems.append(f'{where}: no turns')
                continue
            for i, turn in enumerate(turns):
                w = f'{where} turn {i + 1}'
                if not turn.get('text') and not turn.get('location'):
                    problems.append(f'{w}: needs text or location')
                e = turn.get('expect') or {}
                extra = set(e) - EXPECT_KEYS
                if extra:
                    problems.append(f'{w}: unknown expect keys {sorted(extra)}')
                tool = e.get('tool')
                if tool not in ('none', 'refuse') and tool not in tools:
                    problems.append(f'{w}: unknown expected tool {tool}')
                    continue
                if tool in MERCHANT_TOOLS and d.get('role') != 'merchant':
                    problems.append(f'{w}: {tool} expected for a shopper')
                if tool in SHOPPER_ONLY and d.get('role') != 'shopper':
                    problems.append(f'{w}: {tool} expected for a merchant')
                if tool in ('none', 'refuse') and any(k in e for k in ('args', 'argsText', 'argsAbsent', 'replyFacts')):
                    problems.append(f'{w}: slots or facts on a {tool} turn')
                slots = SLOTS.get(tool, {})
                for slot, want in (e.get('args') or {}).items():
                    if slot not in slots:
                        problems.append(f'{w}: args.{slot} is not a slot of {tool}')
                        continue
                    problems.extend(f'{w}: {p}' for p in expected_problems(slot, slots[slot], want))
                    if isinstance(want, dict) and '$fromTurn' in want:
                        k = want['$fromTurn']
                        if not (isinstance(k, int) and 0 <= k < i):
                            problems.append(f'{w}: $fromTurn {k} does not point back')
                        elif turns[k]['expect'].get('tool') != 'recommend':
                            problems.append(f'{w}: $fromTurn {k} is not a recommend turn')
                        if not re.fullmatch(r'items\.-?\d+\.productId', str(want.get('path'))):
                            problems.append(f'{w}: $fromTurn path {want.get("path")}')
                for slot, want in (e.get('argsText') or {}).items():
                    if slot not in slots:
                        problems.append(f'{w}: argsText.{slot} is not a slot of {tool}')
                    options = want if isinstance(want, list) else [want]
                    if not options or not all(isinstance(o, str) and o for o in options):
                        problems.append(f'{w}: argsText.{slot} must be text')
                for slot in e.get('argsAbsent') or []:
                    if slot not in slots:
                        problems.append(f'{w}: argsAbsent {slot} is not a slot of {tool}')
                for path in e.get('replyFacts') or []:
                    if not fact_ok(tool, path):
                        problems.append(f'{w}: replyFacts {path} is not a field of {tool}\'s output')
                words = e.get('replyIncludesAny')
                if words is not None and not (isinstance(words, list) and words and all(isinstance(x, str) and x for x in words)):
                    problems.append(f'{w}: replyIncludesAny must be a list of words')
            dialogues.append(d)
    for c, n in per_category.items():
        if numbered and len(files) == len(CATEGORIES) and n < 2:
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
            for i, turn in enumerate(d['turns']):
                shop = (turn['expect'].get('args') or {}).get('shopId')
                shops = shop.get('$in', []) if isinstance(shop, dict) else [] if shop is None else [shop]
                if any(s not in own for s in shops):
                    problems.append(f"{d['id']} turn {i + 1}: shop {shop} is not merchant {d['as']}'s")
    print(f'{len(files)} files, {len(dialogues)} conversations, {sum(len(d["turns"]) for d in dialogues)} turns; tools known: {len(tools)}')
    for p in problems:
        print('PROBLEM', p)
    print(f'{len(problems)} problems')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
