# Counts for README.md: python3 bench/dialogues-outside-6/count.py bench/dialogues-outside-6
import json, os, sys, collections
d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
convs = []
for f in sorted(os.listdir(d)):
    if f.endswith('.json'):
        for c in json.load(open(os.path.join(d, f), encoding='utf8')): convs.append((f, c))
T = sum(len(c['turns']) for _, c in convs)
print(f"{len(convs)} conversations, {T} turns")
print('turns per conversation:', dict(sorted(collections.Counter(len(c['turns']) for _, c in convs).items())))
def table(title, key):
    cc, tt = collections.Counter(), collections.Counter()
    order = []
    for f, c in convs:
        k = key(f, c)
        if k not in order: order.append(k)
        cc[k] += 1; tt[k] += len(c['turns'])
    print(f"\n| {title} | conversations | turns |\n|---|---|---|")
    for k in order: print(f"| {k} | {cc[k]} | {tt[k]} ({100 * tt[k] / T:.0f}%) |")
table('role', lambda f, c: c['role'])
table('language', lambda f, c: c['locale'])
table('category (file)', lambda f, c: f"{c['category']} (`{f}`)")
tools = collections.Counter(t['expect']['tool'] for _, c in convs for t in c['turns'])
print("\n| expected tool | turns |\n|---|---|")
for k, v in tools.most_common(): print(f"| {k} | {v} |")
refuse_words = sum(1 for _, c in convs for t in c['turns'] if t['expect'].get('replyIncludesAny'))
facts = sum(1 for _, c in convs for t in c['turns'] if t['expect'].get('replyFacts'))
locs = sum(1 for _, c in convs for t in c['turns'] if 'location' in t and not t.get('text'))
convloc = sum(1 for _, c in convs if 'location' in c)
print(f"\n{refuse_words} turns need a refusal word, {facts} turns name facts the reply must state, {locs} turn(s) are a shared location with no text, {convloc} conversations share a location first.")
