import json, glob, collections, sys
d = sys.argv[1] if len(sys.argv) > 1 else '/work/main/bench/dialogues-dev-6'
convs = [c for f in sorted(glob.glob(d + '/*.json')) for c in json.load(open(f))]
T = sum(len(c['turns']) for c in convs)
def table(key, title, turnkey=None):
    cc, tt = collections.Counter(), collections.Counter()
    for c in convs:
        cc[key(c)] += 1; tt[key(c)] += len(c['turns'])
    print(f'| {title} | conversations | turns |\n|---|---|---|')
    for k in sorted(cc, key=lambda k: -tt[k]) if title != 'category' else cc:
        print(f'| {k} | {cc[k]} | {tt[k]} ({100*tt[k]/T:.0f}%) |')
    print()
print(f'{len(convs)} conversations, {T} turns; turns per conversation:', dict(collections.Counter(len(c["turns"]) for c in convs)), '\n')
table(lambda c: c['role'], 'role'); table(lambda c: c['locale'], 'language'); table(lambda c: c['category'], 'category')
tools = collections.Counter(t['expect']['tool'] for c in convs for t in c['turns'])
print('| expected tool | turns |\n|---|---|')
for k, v in tools.most_common(): print(f'| {k} | {v} |')
print()
print('turns with replyIncludesAny:', sum(1 for c in convs for t in c['turns'] if 'replyIncludesAny' in t['expect']),
      '· with replyFacts:', sum(1 for c in convs for t in c['turns'] if 'replyFacts' in t['expect']),
      '· location-only turns:', sum(1 for c in convs for t in c['turns'] if 'text' not in t))
