#!/usr/bin/env python3
"""Format and store check for development set 9, without importing bench/dialogues.ts (importing it runs the bench).

  python3 bench/dialogues-dev-9/check.py [folder] [--store /tmp/lead2/shop.db]

What loadDialogues() requires: each file a JSON array; each conversation an object with a unique id, role shopper|merchant,
a positive integer `as`, locale zh|en|mixed, a category of CATEGORIES and turns; each turn text or location and an
expect.tool that is a tool of tools/index.ts, "none" or "refuse". What it does not: the file is named for its category,
every category has at least 2 conversations, the expected tool fits the role, slot names in args / argsText / argsAbsent
are in the tool's zod input, plain values fit the zod ranges read from tools/**/*.ts, periods are named periods or
{from, to} dates in order, $within windows are ordered, $fromTurn points back at an earlier recommend turn, and only known
expect keys are used. With --store (opened read-only): every caller exists and every expected shopId is the caller's.
"""
import glob, json, os, re, sqlite3, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
CATEGORIES = ['greeting_help', 'off_topic', 'not_offered', 'other_people', 'nearby', 'price_check', 'money_words', 'recommend',
              'profile', 'record_purchase', 'proposal_answer', 'feedback', 'credit', 'wealth', 'merchant_stats', 'periods',
              'restock', 'reviews', 'pricing', 'anomalies', 'follow_up', 'correction', 'mixed_language', 'typos']
NAMED = {'today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'last_7_days', 'last_30_days',
         'last_90_days', 'this_year', 'last_year'}
MERCHANT_ONLY = {'merchant_stats', 'restock_forecast', 'satisfaction_report', 'pricing_advice', 'anomaly_alerts'}
SHOPPER_ONLY = {'customer_profile', 'credit_line', 'recommend', 'wealth_products', 'risk_questionnaire', 'record_purchase',
                'feedback', 'confirm_scan'}
CATEGORY_KEYS = {'clothing', 'cleaning', 'fresh', 'digital', 'stationery', 'beauty', 'dining', 'sports', 'baby', 'books', 'snacks'}
num = lambda lo=None, hi=None, integer=False: ('num', lo, hi, integer)
# Slots of each tool's zod input and their ranges, as read from tools/**/*.ts on 2026-12-02.
SLOTS = {
    'nearby_shops': {'query': 'str', 'category': CATEGORY_KEYS, 'lat': num(-90, 90), 'lng': num(-180, 180), 'radiusKm': num(0.0001, 20),
                     'maxPrice': num(0.0001), 'exclude': 'str', 'sort': {'best', 'distance', 'price', 'rating'},
                     'limit': num(1, 20, True), 'offset': num(0, 200, True)},
    'price_check': {'product': 'str', 'productId': num(1, None, True), 'price': num(0.0001, 1_000_000), 'currency': {'CNY'},
                    'shopId': num(1, None, True), 'lat': num(-90, 90), 'lng': num(-180, 180), 'radiusKm': num(0.0001, 20)},
    'scan_to_buy': {'lat': num(-90, 90), 'lng': num(-180, 180), 'limit': num(1, None, True)},
    'confirm_scan': {'productId': num(1, None, True), 'position': num(1, None, True)},
    'recommend': {'category': CATEGORY_KEYS, 'budget': num(0.0001), 'nearMe': 'bool', 'need': 'str', 'exclude': 'str', 'limit': num(1, 10, True)},
    'customer_profile': {},
    'record_purchase': {'product': 'str', 'productId': num(1, None, True), 'price': num(0.0001, 100_000), 'quantity': num(1, 99, True),
                        'shopId': num(1, None, True), 'date': 'date', 'paymentMethod': {'debit_wallet', 'pay_later', 'third_party'}},
    'feedback': {'productId': num(1, None, True), 'rating': num(1, 5, True), 'comment': 'str'},
    'credit_line': {},
    'wealth_products': {'horizonMonths': num(0, 600, True), 'needLiquidity': 'bool', 'amount': num(0.0001)},
    'risk_questionnaire': {'answers': 'str'},
    'merchant_stats': {'period': 'period', 'shopId': num(1, None, True), 'topN': num(1, 20, True)},
    'restock_forecast': {'shopId': num(1, None, True), 'product': 'str', 'horizonWeeks': num(1, 12, True), 'leadTimeDays': num(1, 60, True),
                         'reviewDays': num(1, 60, True), 'serviceLevel': num(0.5, 0.999), 'limit': num(1, 50, True)},
    'satisfaction_report': {'shopId': num(1, None, True), 'period': 'period', 'compareRadiusKm': num(0.0001, 20)},
    'pricing_advice': {'shopId': num(1, None, True), 'costRatio': num(0.1, 0.95), 'days': num(60, 730, True)},
    'anomaly_alerts': {'shopId': num(1, None, True), 'period': 'period', 'lookbackDays': num(28, 365, True)},
}
EXPECT_KEYS = {'tool', 'args', 'argsText', 'argsAbsent', 'replyIncludesAny', 'replyFacts'}
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')


def tool_names():
    names = set()
    for path in glob.glob(os.path.join(ROOT, 'tools', '**', '*.ts'), recursive=True):
        text = open(path, encoding='utf8').read()
        for m in re.finditer(r"defineTool\(\{\s*name: '([a-z_]+)'", text):
            names.add(m.group(1))
    return names


def check_value(spec, v, where, problems, slot):
    """A plain expected value (or each $in option / $gte-$lte bound) against the slot's schema."""
    if isinstance(v, dict) and '$in' in v:
        for o in v['$in']:
            check_value(spec, o, where, problems, slot)
        return
    if isinstance(v, dict) and ('$gte' in v or '$lte' in v):
        for b in (v.get('$gte'), v.get('$lte')):
            if b is not None and not isinstance(b, (int, float)):
                problems.append(f'{where}: {slot} bound {b!r} is not a number')
        if v.get('$gte') is not None and v.get('$lte') is not None and v['$gte'] > v['$lte']:
            problems.append(f'{where}: {slot} range is empty')
        return
    if isinstance(v, dict) and '$fromTurn' in v:
        return
    if isinstance(v, dict) and '$within' in v:
        if spec != 'period':
            problems.append(f'{where}: $within on {slot}, not a period')
            return
        w = v['$within']
        for side in ('from', 'to'):
            lo, hi = w[side]
            if not (DATE.match(lo) and DATE.match(hi) and lo <= hi):
                problems.append(f'{where}: $within.{side} {w[side]} is not an ordered pair of dates')
        if w['from'][0] > w['to'][1]:
            problems.append(f'{where}: $within ends before it starts')
        return
    if spec == 'period':
        ok = (isinstance(v, str) and v in NAMED) or (isinstance(v, dict) and set(v) == {'from', 'to'} and DATE.match(v['from']) and DATE.match(v['to']) and v['from'] <= v['to'])
        if not ok:
            problems.append(f'{where}: period {v!r} is neither a named period nor ordered {{from, to}} dates')
    elif spec == 'str':
        if not isinstance(v, str):
            problems.append(f'{where}: {slot} {v!r} is not a string')
    elif spec == 'bool':
        if not isinstance(v, bool):
            problems.append(f'{where}: {slot} {v!r} is not a boolean')
    elif spec == 'date':
        if not (isinstance(v, str) and DATE.match(v)):
            problems.append(f'{where}: {slot} {v!r} is not YYYY-MM-DD')
    elif isinstance(spec, set):
        if v not in spec:
            problems.append(f'{where}: {slot} {v!r} is not one of {sorted(spec)}')
    elif isinstance(spec, tuple):
        _, lo, hi, integer = spec
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            problems.append(f'{where}: {slot} {v!r} is not a number')
        elif (lo is not None and v < lo) or (hi is not None and v > hi) or (integer and v != int(v)):
            problems.append(f'{where}: {slot} {v!r} is outside the schema ({lo}..{hi}{", integer" if integer else ""})')


def main():
    args = sys.argv[1:]
    store = None
    if '--store' in args:
        i = args.index('--store')
        store = args[i + 1]
        del args[i:i + 2]
    folder = args[0] if args else HERE
    tools = tool_names()
    if set(SLOTS) != tools:
        print('NOTE tools in tools/ and in SLOTS differ:', sorted(set(SLOTS) ^ tools))
    problems, ids, dialogues = [], set(), []
    per_category = {c: 0 for c in CATEGORIES}
    files = sorted(f for f in os.listdir(folder) if f.endswith('.json'))
    for file in files:
        try:
            data = json.load(open(os.path.join(folder, file), encoding='utf8'))
        except ValueError as e:
            problems.append(f'{file}: not valid JSON ({e})')
            continue
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
            if 'location' in d and not (isinstance(d['location'], dict) and set(d['location']) == {'lat', 'lng'}):
                problems.append(f'{where}: location must be {{lat, lng}}')
            turns = d.get('turns') or []
            if not turns:
                problems.append(f'{where}: no turns')
            for i, t in enumerate(turns):
                w = f'{where} turn {i + 1}'
                if not t.get('text') and not t.get('location'):
                    problems.append(f'{w}: needs text or location')
                e = t.get('expect') or {}
                if set(e) - EXPECT_KEYS:
                    problems.append(f'{w}: unknown expect keys {sorted(set(e) - EXPECT_KEYS)}')
                tool = e.get('tool')
                if tool not in ('none', 'refuse') and tool not in tools:
                    problems.append(f'{w}: unknown expected tool {tool}')
                    continue
                if tool in MERCHANT_ONLY and d.get('role') != 'merchant':
                    problems.append(f'{w}: {tool} expected for a shopper')
                if tool in SHOPPER_ONLY and d.get('role') != 'shopper':
                    problems.append(f'{w}: {tool} expected for a merchant')
                if tool in ('none', 'refuse') and (e.get('args') or e.get('argsText') or e.get('argsAbsent') or e.get('replyFacts')):
                    problems.append(f'{w}: slots or facts expected with tool {tool}')
                slots = SLOTS.get(tool, {})
                for slot, v in (e.get('args') or {}).items():
                    if slot not in slots:
                        problems.append(f'{w}: args.{slot} is not a slot of {tool}')
                        continue
                    check_value(slots[slot], v, w, problems, slot)
                    if isinstance(v, dict) and '$fromTurn' in v:
                        k = v['$fromTurn']
                        if not (isinstance(k, int) and 0 <= k < i):
                            problems.append(f'{w}: $fromTurn {k} does not point back')
                        elif turns[k]['expect'].get('tool') != 'recommend':
                            problems.append(f'{w}: $fromTurn {k} is not a recommend turn')
                for slot, v in (e.get('argsText') or {}).items():
                    if slot not in slots or slots[slot] != 'str':
                        problems.append(f'{w}: argsText.{slot} is not a string slot of {tool}')
                    if not (isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(x, str) for x in v))):
                        problems.append(f'{w}: argsText.{slot} must be a string or a list of strings')
                for slot in e.get('argsAbsent') or []:
                    if slot not in slots:
                        problems.append(f'{w}: argsAbsent {slot} is not a slot of {tool}')
                    if slot in (e.get('args') or {}) or slot in (e.get('argsText') or {}):
                        problems.append(f'{w}: {slot} both expected and absent')
                for key in ('replyIncludesAny', 'replyFacts'):
                    if key in e and not (isinstance(e[key], list) and e[key] and all(isinstance(x, str) for x in e[key])):
                        problems.append(f'{w}: {key} must be a non-empty list of strings')
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
