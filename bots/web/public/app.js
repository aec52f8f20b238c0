// Web chat client: persona picker, messages, a status line while a turn runs, follow-up chips,
// location sharing, photos, Yes / No buttons on a proposed write, merchant answers as cards.
import { renderCard } from './cards.js';

const $ = (id) => document.getElementById(id);
const messages = $('messages');
const chatId = localStorage.getItem('chatId') || crypto.randomUUID().slice(0, 12);
localStorage.setItem('chatId', chatId);

// The page's own words, in the persona's language (answers come in the user's language from the server).
// Placeholders go from the longest to the shortest; the first that fits the text box is shown.
const UI = {
  zh: {
    reset: '新对话', locate: '发送我的位置', photo: '拍照识货', message: '你的消息', send: '发送', conversation: '对话',
    looking: '正在查询…', lookingAtPhoto: '正在识别照片…', networkError: '网络错误', error: '出错了，请再试一次。', maps: '在地图上查看', mapOf: '地图：',
    placeholders: { shopper: ['例如：附近哪里有卖洗衣液', '附近哪里有卖洗衣液？', '问点什么…'], merchant: ['例如：上周销售怎么样？', '上周销售怎么样？', '问点什么…'] },
  },
  en: {
    reset: 'New chat', locate: 'Share my location', photo: 'Photo of a product', message: 'Your message', send: 'Send', conversation: 'Conversation',
    looking: 'Looking it up…', lookingAtPhoto: 'Looking at the photo…', networkError: 'Network error', error: 'Something went wrong; please try again.', maps: 'On the map', mapOf: 'Map:',
    placeholders: { shopper: ['e.g. where can I buy laundry detergent nearby?', 'e.g. laundry detergent near me', 'Ask me…'], merchant: ['e.g. how were sales last week?', 'e.g. sales last week', 'Ask me…'] },
  },
};
let locale = 'zh';
const ui = () => UI[locale];

function persona() { return $('persona').value; }

function applyLocale(next) {
  locale = next === 'en' ? 'en' : 'zh';
  document.documentElement.lang = locale;
  for (const [id, key] of [['reset', 'reset'], ['locate', 'locate'], ['photo-button', 'photo']]) {
    const button = $(id);
    button.setAttribute('aria-label', ui()[key]);
    button.title = ui()[key];
    button.querySelector('.sr-only').textContent = ui()[key];
  }
  $('text-label').textContent = ui().message;
  $('send').textContent = ui().send;
  messages.setAttribute('aria-label', ui().conversation);
  fitPlaceholder();
}

/** A short example that fits the text box whole (a cut-off placeholder reads as nonsense on a phone). */
function fitPlaceholder() {
  const input = $('text');
  const style = getComputedStyle(input);
  const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const context = (fitPlaceholder.canvas ??= document.createElement('canvas')).getContext('2d');
  context.font = style.font;
  const options = ui().placeholders[persona().startsWith('merchant') ? 'merchant' : 'shopper'];
  input.placeholder = options.find((text) => context.measureText(text).width <= room) ?? options.at(-1);
}
addEventListener('resize', fitPlaceholder);

// Links in an answer (an online offer's page) are clickable; everything else stays plain text (no HTML from the server).
function withLinks(div, text) {
  let at = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'）)]+/g)) {
    div.append(text.slice(at, m.index));
    const a = document.createElement('a');
    a.href = m[0];
    a.textContent = m[0];
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    div.append(a);
    at = m.index + m[0].length;
  }
  div.append(text.slice(at));
}

function add(text, who, isError = false, images = []) {
  const div = document.createElement('div');
  div.className = `msg ${who}${isError ? ' error' : ''}`;
  if (who === 'bot') withLinks(div, text ?? '');
  else div.textContent = text;
  for (const image of images) div.append(figure(image));
  messages.append(div);
  if (who === 'user') messages.scrollTop = messages.scrollHeight;
  return div;
}

function figure(image) {
  const box = document.createElement('figure');
  const img = document.createElement('img');
  img.src = image.src;
  img.alt = image.title;
  const caption = document.createElement('figcaption');
  caption.textContent = image.title;
  box.append(img, caption);
  return box;
}

/** A new answer is read from its start: all of it when it fits, else its first line at the top of the view. */
function reveal(div) {
  const fits = div.offsetHeight + 24 <= messages.clientHeight;
  messages.scrollTop = fits ? messages.scrollHeight : div.offsetTop - 12; // a sliver of the question stays in sight
}

function showSuggestions(list) {
  const box = $('suggestions');
  box.replaceChildren(...(list || []).map((s) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = s;
    b.onclick = () => send({ text: s });
    return b;
  }));
}

/** A write waiting for the user's yes: its text (unless the reply already says it) and two buttons, usable once. */
function showProposal(div, proposal) {
  const box = document.createElement('div');
  box.className = 'proposal';
  if (proposal.text && !div.textContent.includes(proposal.text)) {
    const p = document.createElement('p');
    p.textContent = proposal.text;
    box.append(p);
  }
  const buttons = [[proposal.yes, true], [proposal.no, false]].map(([label, accept]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.onclick = () => {
      if (busy) return;
      for (const other of buttons) other.disabled = true;
      b.classList.add('chosen');
      send({ decision: { proposalId: proposal.id, accept } }, label);
    };
    return b;
  });
  box.append(...buttons);
  div.append(box);
}

function answer(data, isError, images) {
  // A merchant answer with cards shows them instead of its prose: each card's title and one-line summary
  // come first, then the table or list itself (which a screen reader reads as one), so nothing is said twice.
  const cards = isError ? [] : data.attachments?.cards ?? [];
  const div = add(cards.length ? '' : data.reply || data.message || '', 'bot', isError);
  if (cards.length) div.classList.add('has-cards');
  for (const card of cards) div.append(renderCard(card));
  for (const image of images ?? []) div.append(figure(image));
  if (!isError && data.attachments?.shops?.length) div.append(mapLinks(data.attachments.shops));
  if (!isError && data.proposal) showProposal(div, data.proposal);
  reveal(div);
}

// Each shop of the answer on a map, to find the way there (opens the map site apart from the chat).
function mapLinks(shops) {
  const nav = document.createElement('nav');
  nav.className = 'map-links';
  nav.setAttribute('aria-label', ui().maps);
  for (const shop of shops.slice(0, 5)) {
    const a = document.createElement('a');
    a.href = `https://uri.amap.com/marker?position=${shop.lng},${shop.lat}&name=${encodeURIComponent(shop.name)}&coordinate=wgs84&callnative=1`;
    a.textContent = `${ui().mapOf}${locale === "zh" ? "" : " "}${shop.name}`;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    nav.append(a);
  }
  return nav;
}

// While a turn runs nothing else can be sent (one answer at a time, in order), and the status line says why.
let busy = false;
const controls = () => [$('text'), $('send'), $('locate'), $('photo-button'), $('persona'), $('reset'), ...$('suggestions').children];

function setStatus(text) {
  $('status-text').textContent = text;
  if (text) $('status').dataset.busy = '';
  else delete $('status').dataset.busy;
}

/** Runs one turn with the controls off; gives focus back to the text box when it had it (not on touch screens: the keyboard would cover the answer). */
async function turn(status, work) {
  if (busy) return;
  busy = true;
  const refocus = $('composer').contains(document.activeElement) || $('suggestions').contains(document.activeElement);
  for (const c of controls()) c.disabled = true;
  setStatus(status);
  try {
    await work();
  } finally {
    busy = false;
    setStatus('');
    for (const c of controls()) c.disabled = false;
    if (refocus && !matchMedia('(pointer: coarse)').matches) $('text').focus();
  }
}

/** POST /api/chat/stream: `status` events while the turn runs, then `answer` (or `error`). Refusals come as plain JSON. */
async function streamChat(body, onStatus) {
  const res = await fetch('/api/chat/stream', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok || !(res.headers.get('content-type') || '').startsWith('text/event-stream')) {
    return { ok: false, data: await res.json().catch(() => ({ message: `HTTP ${res.status}` })) };
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the answer was cut off');
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? 'null');
      if (event === 'status') onStatus(data.text);
      if (event === 'answer' || event === 'error') {
        void reader.cancel().catch(() => {});
        return { ok: event === 'answer', data };
      }
    }
  }
}

function send(body, shown = body.text) {
  if (busy) return;
  if (shown) add(shown, 'user');
  let result;
  return turn(ui().looking, async () => {
    try {
      result = await streamChat({ as: persona(), chatId, ...body }, setStatus);
    } catch (e) {
      result = { ok: false, data: { message: `${ui().networkError}: ${e.message}` } };
    }
  }).then(() => {
    // Rendered once the status line is gone, so the answer is scrolled into its final layout.
    const { ok, data } = result;
    showSuggestions(ok ? data.suggestions : []);
    if (!ok) return answer({ message: data.message || ui().error }, true);
    answer(data, Boolean(data.error), [...(data.pictures || []).map((p) => ({ src: p.src, title: p.caption })), ...(data.charts || [])]);
  });
}

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('text').value.trim();
  if (!text || busy) return;
  $('text').value = '';
  send({ text });
});

function sendPlace(value) {
  const [lat, lng] = value.split(',').map(Number);
  send({ location: { lat, lng } }, `📍 ${lat.toFixed(4)}, ${lng.toFixed(4)}`);
}

$('locate').addEventListener('click', () => {
  const fallback = () => $('place-dialog').showModal();
  if (!navigator.geolocation) return fallback();
  navigator.geolocation.getCurrentPosition((pos) => sendPlace(`${pos.coords.latitude},${pos.coords.longitude}`), fallback, { timeout: 5000 });
});
$('place-dialog').addEventListener('close', () => { if ($('place-dialog').returnValue === 'ok') sendPlace($('place').value); });

// A real button (focusable, Enter / Space) opens the hidden file input.
$('photo-button').addEventListener('click', () => $('photo').click());
$('photo').addEventListener('change', async () => {
  const file = $('photo').files[0];
  $('photo').value = '';
  if (!file || busy) return;
  add('📷 ' + file.name, 'user', false, [{ src: URL.createObjectURL(file), title: file.name }]);
  let res;
  let data;
  await turn(ui().lookingAtPhoto, async () => {
    try {
      res = await fetch(`/api/photo?as=${encodeURIComponent(persona())}&chatId=${chatId}&locale=${locale}`, { method: 'POST', headers: { 'content-type': file.type || 'image/jpeg' }, body: file });
      data = await res.json();
    } catch (e) {
      data = { message: `${ui().networkError}: ${e.message}` };
    }
  });
  const ok = Boolean(res?.ok);
  showSuggestions(ok ? data.suggestions : []);
  answer(data, !ok || Boolean(data.error), (data.pictures || []).map((p) => ({ src: p.src, title: p.caption })));
});

/** An empty chat opens with a greeting and what this persona can ask, as chips. */
async function welcome() {
  if (messages.children.length) return;
  const wanted = $('persona').selectedOptions[0]?.dataset.locale;
  const res = await fetch(`/api/welcome?as=${encodeURIComponent(persona())}${wanted ? `&locale=${wanted}` : ''}`);
  if (!res.ok || messages.children.length) return;
  const data = await res.json();
  if (messages.children.length) return;
  applyLocale(data.locale);
  add(data.text, 'bot').classList.add('welcome');
  showSuggestions(data.suggestions);
  messages.scrollTop = 0;
}

$('reset').addEventListener('click', async () => {
  await fetch('/api/reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: persona(), chatId }) });
  messages.replaceChildren();
  showSuggestions([]);
  await welcome();
});

$('persona').addEventListener('change', () => { messages.replaceChildren(); showSuggestions([]); localStorage.setItem('persona', persona()); void welcome(); });

// A brand-new store is seeded on the first start: until the app is ready, say how far it is and keep the composer off.
async function untilReady() {
  let note;
  for (;;) {
    let status;
    try {
      status = await (await fetch('/api/status')).json();
    } catch {
      status = { ready: false, step: 'starting' };
    }
    if (status.ready) break;
    note ??= add('', 'bot');
    note.classList.add('starting');
    note.textContent = status.step === 'failed'
      ? `启动失败 / Could not start: ${status.error ?? ''}`
      : status.step === 'seeding'
        ? `正在准备演示数据 ${status.percent ?? 0}%（第一次启动约半分钟）… / Preparing the demo world, ${status.percent ?? 0}% (about half a minute on the first start)…`
        : '助手正在启动… / The assistant is starting…';
    for (const c of controls()) c.disabled = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  note?.remove();
  for (const c of controls()) c.disabled = false;
}
await untilReady();

const people = await (await fetch('/api/personas')).json();
for (const [label, list] of [['Shoppers 顾客', people.shoppers], ['Merchants 商家', people.merchants]]) {
  const group = document.createElement('optgroup');
  group.label = label;
  for (const p of list) {
    const option = new Option(`${p.name} (${p.as}, ${p.detail})`, p.as);
    if (p.locale) option.dataset.locale = p.locale;
    group.append(option);
  }
  $('persona').append(group);
}
const saved = localStorage.getItem('persona');
if (saved && [...$('persona').options].some((o) => o.value === saved)) $('persona').value = saved;
await welcome();
document.body.dataset.ready = 'true';

// A shop's reply to a message this chat sent it ("人工客服"): the server keeps it until the page asks.
async function checkInbox() {
  try {
    const res = await fetch(`/api/inbox?as=${encodeURIComponent(persona())}&chatId=${chatId}`);
    if (!res.ok) return;
    for (const r of (await res.json()).replies ?? []) { const div = add(r.text, 'bot'); reveal(div); }
  } catch {
    /* offline for a moment: asked again next time */
  }
}
setInterval(checkInbox, 10_000);
void checkInbox();
