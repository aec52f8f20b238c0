// Merchant answers as real HTML (the cards of prompts/replies/merchant-cards.ts, built on the server
// from the tool results): a restock table, complaint themes, sales KPIs. Everything is set as text,
// never as HTML, and each card's "how was this computed?" stays closed until asked for.
let count = 0;

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Labelled figures (KPIs, review counts) as a description list, two to a row on a phone. */
function fields(list) {
  const dl = el('dl', 'card-fields');
  for (const f of list) {
    const group = el('div');
    const value = el('dd', '', f.value);
    if (f.change) value.append(' ', el('span', 'change', f.change));
    group.append(el('dt', '', f.label), value);
    dl.append(group);
  }
  return dl;
}

/** Table semantics said outright, so they survive the phone layout's display: flex (style.css). */
const role = (e, name) => (e.setAttribute('role', name), e);

/**
 * The restock table. On a phone each row stacks (the item on its own line, then its figures, each with
 * its column's name shown beside it and hidden from screen readers, which read the real headers);
 * should a row still not fit, the table scrolls inside its own box, never the page.
 */
function table(card, titleId) {
  const box = el('div', 'table-box');
  const t = role(el('table'), 'table');
  t.setAttribute('aria-labelledby', titleId);
  const head = role(el('tr'), 'row');
  for (const c of card.columns) {
    const th = role(el('th', `${c.numeric ? 'num ' : ''}${c.key}`, c.label), 'columnheader');
    th.scope = 'col';
    head.append(th);
  }
  t.append(role(el('thead'), 'rowgroup'));
  t.tHead.append(head);
  const body = role(el('tbody'), 'rowgroup');
  for (const row of card.rows) {
    const tr = role(el('tr'), 'row');
    tr.dataset.urgency = row.urgency;
    row.cells.forEach((text, i) => {
      const column = card.columns[i];
      let cell;
      if (i === 0) {
        cell = role(el('th', column.key, text), 'rowheader');
        cell.scope = 'row';
        if (row.note) cell.append(el('small', 'note', row.note));
      } else {
        cell = role(el('td', `${column.numeric ? 'num ' : ''}${column.key}`), 'cell');
        const label = el('span', 'cell-label', column.label);
        label.setAttribute('aria-hidden', 'true');
        cell.append(label, el('span', 'value', text));
      }
      tr.append(cell);
    });
    body.append(tr);
  }
  t.append(body);
  box.append(t);
  return box;
}

function topList(card) {
  const wrap = el('div', 'card-list');
  if (!card.list.length) return wrap;
  wrap.append(el('h4', '', card.listTitle));
  const ol = el('ol');
  for (const item of card.list) {
    const li = el('li');
    li.append(el('span', 'name', item.name), ' ', el('span', 'detail', item.detail));
    ol.append(li);
  }
  wrap.append(ol);
  return wrap;
}

function themes(card) {
  const ol = el('ol', 'card-themes');
  for (const th of card.themes) {
    const li = el('li');
    const head = el('h4', '', th.theme);
    head.append(' ', el('span', 'share', `${th.share} ${card.labels.share}`));
    li.append(head);
    const extra = [th.trend, th.peers && `${card.labels.peers} ${th.peers}`].filter(Boolean);
    if (extra.length) li.append(el('p', 'muted', extra.join(' · ')));
    if (th.quotes.length) {
      const quotes = el('ul', 'quotes');
      quotes.setAttribute('aria-label', card.labels.quotes);
      for (const q of th.quotes) {
        const item = el('li');
        item.append(el('q', '', q));
        quotes.append(item);
      }
      li.append(quotes);
    }
    const tip = el('p', 'suggestion');
    tip.append(el('strong', '', card.labels.suggestion), ' ', th.suggestion);
    li.append(tip);
    ol.append(li);
  }
  return ol;
}

function details(d) {
  const box = el('details', 'how');
  box.append(el('summary', '', d.label));
  const ul = el('ul');
  for (const line of d.lines) ul.append(el('li', '', line));
  box.append(ul);
  return box;
}

/** One card as a titled section: its one-line summary, then the table, themes or KPI fields. */
export function renderCard(card) {
  const section = el('section', `card card-${card.kind}`);
  const title = el('h3', '', card.title);
  title.id = `card-title-${++count}`;
  section.setAttribute('aria-labelledby', title.id);
  section.append(title, el('p', 'card-summary', card.summary));
  if (card.kind === 'table') section.append(table(card, title.id));
  if (card.kind === 'kpis') section.append(fields(card.fields), topList(card));
  if (card.kind === 'themes') section.append(fields(card.fields), themes(card));
  section.append(details(card.details));
  return section;
}
