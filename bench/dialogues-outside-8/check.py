#!/usr/bin/env python3
"""Checks this set's format without importing bench/dialogues.ts (importing it runs the whole bench).

  python3 bench/dialogues-outside-8/check.py [folder] [--store /path/to/shop.db] [--root /path/to/repo]

What loadDialogues() checks (a JSON array per file; unique id; role shopper|merchant; positive integer `as`; locale
zh|en|mixed; a category of CATEGORIES; turns with text or location; expect.tool a tool declared in tools/**/*.ts,
"none" or "refuse"), and more: the file is named for its category, every category has at least 2 conversations, the
expected tool fits the role, every slot of args / argsText / argsAbsent is a key of the tool's zod input (the key is
looked up in the tool's source file), enum and range values are inside what the schemas allow, periods are named
periods or ordered {from, to} / $within windows that end by 2026-11-30, record_purchase dates lie in the past year,
$fromTurn points back at a recommend turn, and the first segment of every replyFacts path is a field of the tool's
output. With --store (opened read-only): every caller exists, every expected shopId is the calling merchant's.
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
NAMED_PERIODS = {'today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_7_days', 'last_30_days', 'last_90_days', 'this_year', 'last_year'}
CATEGORY_KEYS = {'clothing', 'cleaning', 'fresh', 'digital', 'stationery', 'beauty', 'dining', 'sports', 'baby', 'books', 'snacks'}
# Slots as read from the tools' zod inputs on 2026-12-02 (each is also looked up in the tool's source below).
SLOTS = {
    'nearby_shops': {'query', 'category', 'lat', 'lng', 'radiusKm', 'maxPrice', 'exclude', 'sort', 'limit', 'offset'},
    'price_check': {'product', 'productId', 'price', 'currency', 'shopId', 'lat', 'lng', 'radiusKm'},
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
RANGES = {  # (min, max) inclusive, from the zod inputs
    ('nearby_shops', 'radiusKm'): (0.001, 20), ('nearby_shops', 'limit'): (1, 20), ('nearby_shops', 'offset'): (0, 200),
    ('nearby_shops', 'maxPrice'): (0.01, 1e9), ('price_check', 'price'): (0.01, 1_000_000), ('price_check', 'radiusKm'): (0.001, 20),
    ('recommend', 'budget'): (0.01, 1e9), ('recommend', 'limit'): (1, 10), ('record_purchase', 'price'): (0.01, 100_000),
    ('record_purchase', 'quantity'): (1, 20), ('feedback', 'rating'): (1, 5), ('wealth_products', 'horizonMonths'): (0, 600),
    ('wealth_products', 'amount'): (0.01, 1e12), ('merchant_stats', 'topN'): (1, 20), ('restock_forecast', 'horizonWeeks'): (1, 12),
    ('restock_forecast', 'leadTimeDays'): (1, 60), ('restock_forecast', 'reviewDays'): (1, 60), ('restock_forecast', 'serviceLevel'): (0.5, 0.999),
    ('restock_forecast', 'limit'): (1, 50), ('satisfaction_report', 'compareRadiusKm'): (0.001, 20), ('pricing_advice', 'costRatio'): (0.1, 0.95),
    ('pricing_advice', 'days'): (60, 730), ('anomaly_alerts', 'lookbackDays'): (28, 365),
}
ENUMS = {('nearby_shops', 'sort'): {'best', 'distance', 'price', 'rating'}, ('record_purchase', 'paymentMethod'): {'debit_wallet', 'pay_later', 'third_party'},
         ('nearby_shops', 'category'): CATEGORY_KEYS, ('recommend', 'category'): CATEGORY_KEYS}
OUTPUT_FIELDS = {  # top-level fields of each tool's output (replyFacts' first segment)
    'nearby_shops': {'status', 'query', 'category', 'radiusKm', 'sort', 'ranking', 'matchedProducts', 'total', 'offset', 'results', 'online', 'maxPrice'},
    'price_check': {'status', 'product', 'price', 'shop', 'distribution', 'verdict', 'modifiedZ', 'pctVsMedian', 'rule', 'cheaper'},
    'recommend': {'status', 'items', 'needUnmatched', 'method'},
    'customer_profile': {'name', 'facts', 'model', 'marketing'},
    'credit_line': {'status', 'account', 'nextBill', 'risk', 'factors', 'whatIf', 'reminder'},
    'wealth_products': {'status', 'questions', 'riskLevel', 'products', 'excludedAboveRisk', 'note', 'disclosure'},
    'merchant_stats': {'shops', 'period', 'current', 'previous', 'change', 'topProducts', 'daily', 'trend'},
    'restock_forecast': {'shops', 'policy', 'counts', 'items', 'trend'},
    'satisfaction_report': {'shops', 'period', 'reviews', 'averageScore', 'distribution', 'monthly', 'complaints', 'themes', 'otherKeywords', 'comparison'},
    'pricing_advice': {'shop', 'assumptions', 'fairness', 'segments'},
    'anomaly_alerts': {'shops', 'window', 'method', 'alerts'},
}
CLOCK_DAY = '2026-11-30'
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def tool_sources(root):
    """tool name -> source text of the file that declares it with defineTool."""
    out = {}
    for path in glob.glob(os.path.join(root, 'tools', '**', '*.ts'), recursive=True):
        text = open(path, encoding='utf8').read()
        for m in re.finditer(r"\n\s+name: '([a-z_]+)',", text):
            if 'defineTool' in text and 'roles:' in text[m.end():m.end() + 3000]:
                out[m.group(1)] = text
    return out


def check_period(v, w, problems):
    if isinstance(v, str):
        if v not in NAMED_PERIODS:
            problems.append(f'{w}: unknown named period {v}')
    elif isinstance(v, dict) and '$in' in v:
        for x in v['$in']:
            check_period(x, w, problems)
    elif isinstance(v, dict) and '$within' in v:
        f, t = v['$within']['from'], v['$within']['to']
        if not all(DATE.match(x) for x in f + t) or not (f[0] <= f[1] and t[0] <= t[1] and f[0] <= t[1] and t[1] <= CLOCK_DAY):
            problems.append(f'{w}: bad $within window {v}')
    elif isinstance(v, dict) and set(v) == {'from', 'to'}:
        if not (DATE.match(v['from']) and DATE.match(v['to']) and v['from'] <= v['to'] <= CLOCK_DAY):
            problems.append(f'{w}: bad period {v}')
    else:
        problems.append(f'{w}: period {v} is neither named nor dates')


def check_value(tool, slot, v, w, problems):
    if slot == 'period':
        return check_period(v, w, problems)
    if isinstance(v, dict):
        if '$in' in v:
            return [check_value(tool, slot, x, w, problems) for x in v['$in']]
        if '$gte' in v or '$lte' in v:
            lo, hi = v.get('$gte', v.get('$lte')), v.get('$lte', v.get('$gte'))
            if lo > hi:
                problems.append(f'{w}: {slot} range {v} is empty')
            return [check_value(tool, slot, x, w, problems) for x in (lo, hi)]
        if '$fromTurn' in v:
            return
    r = RANGES.get((tool, slot))
    if r and not (isinstance(v, (int, float)) and not isinstance(v, bool) and r[0] <= v <= r[1]):
        problems.append(f'{w}: {slot}={v} outside {r}')
    e = ENUMS.get((tool, slot))
    if e and v not in e:
        problems.append(f'{w}: {slot}={v} not in {sorted(e)}')
    if (tool, slot) == ('record_purchase', 'date') and not (DATE.match(str(v)) and '2025-11-30' <= v <= CLOCK_DAY):
        problems.append(f'{w}: purchase date {v} not within the past year')
    if slot in ('nearMe', 'needLiquidity') and not isinstance(v, bool):
        problems.append(f'{w}: {slot} must be a boolean')


def main():
    args = sys.argv[1:]
    store = None
    if '--store' in args:
        i = args.index('--store')
        store = args[i + 1]
        del args[i:i + 2]
    root = ROOT
    if '--root' in args:
        i = args.index('--root')
        root = args[i + 1]
        del args[i:i + 2]
    folder = args[0] if args else HERE
    sources = tool_sources(root)
    problems, ids, dialogues = [], set(), []
    per_category = {c: 0 for c in CATEGORIES}
    for tool, slots in SLOTS.items():
        src = sources.get(tool)
        if src is None:
            problems.append(f'tool {tool} not declared in tools/')
            continue
        for s in slots:
            if not re.search(r'\b' + s + r'\??:', src) and not (s in ('lat', 'lng') and 'pointInput' in src):
                problems.append(f'slot {s} not found in the source of {tool}')
    files = sorted(f for f in os.listdir(folder) if f.endswith('.json'))
    for file in files:
        data = json.load(open(os.path.join(folder, file), encoding='utf8'))
        if not isinstance(data, list):
            problems.append(f'{file}: not a JSON array')
            continue
        for d in data:
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
                if file != f'{CATEGORIES.index(cat) + 1:02d}-{cat}.json':
                    problems.append(f'{where}: category {cat} in file {file}')
            turns = d.get('turns') or []
            if not turns:
                problems.append(f'{where}: no turns')
            tools_so_far = []
            for i, t in enumerate(turns):
                w = f'{where} turn {i + 1}'
                if not t.get('text') and not t.get('location'):
                    problems.append(f'{w}: needs text or location')
                e = t.get('expect') or {}
                tool = e.get('tool')
                tools_so_far.append(tool)
                if tool not in ('none', 'refuse') and tool not in sources:
                    problems.append(f'{w}: unknown expected tool {tool}')
                    continue
                if tool in MERCHANT_TOOLS and d.get('role') != 'merchant':
                    problems.append(f'{w}: {tool} expected for a shopper')
                if tool in SHOPPER_ONLY and d.get('role') != 'shopper':
                    problems.append(f'{w}: {tool} expected for a merchant')
                if tool in ('none', 'refuse') and any(k in e for k in ('args', 'argsText', 'argsAbsent', 'replyFacts')):
                    problems.append(f'{w}: slots or facts on a {tool} turn')
                slots = SLOTS.get(tool, set())
                for key in ('args', 'argsText'):
                    for slot, v in (e.get(key) or {}).items():
                        if slot not in slots:
                            problems.append(f'{w}: {key}.{slot} is not a slot of {tool}')
                        elif key == 'args':
                            check_value(tool, slot, v, w, problems)
                            if isinstance(v, dict) and '$fromTurn' in v:
                                k = v['$fromTurn']
                                if not (0 <= k < i) or tools_so_far[k] != 'recommend':
                                    problems.append(f'{w}: $fromTurn {k} does not point back at a recommend turn')
                for slot in e.get('argsAbsent') or []:
                    if slot not in slots:
                        problems.append(f'{w}: argsAbsent {slot} is not a slot of {tool}')
                for path in e.get('replyFacts') or []:
                    if path.split('.')[0] not in OUTPUT_FIELDS.get(tool, set()):
                        problems.append(f'{w}: replyFacts {path} is not in the output of {tool}')
                if e.get('replyIncludesAny') is not None and not (isinstance(e['replyIncludesAny'], list) and all(isinstance(x, str) and x for x in e['replyIncludesAny'])):
                    problems.append(f'{w}: replyIncludesAny must be a list of strings')
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
                if shop is not None and shop not in own:
                    problems.append(f"{d['id']} turn {i + 1}: shop {shop} is not merchant {d['as']}'s")
    print(f'{len(files)} files, {len(dialogues)} conversations, {sum(len(d["turns"]) for d in dialogues)} turns; tools declared: {len(sources)}')
    for p in problems:
        print('PROBLEM', p)
    print(f'{len(problems)} problems')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
