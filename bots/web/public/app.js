// Web chat client: persona picker, messages, typing indicator, follow-up chips, location sharing,
// Yes / No buttons on a proposed write.
const $ = (id) => document.getElementById(id);
const messages = $('messages');
const chatId = localStorage.getItem('chatId') || crypto.randomUUID().slice(0, 12);
localStorage.setItem('chatId', chatId);

function persona() { return $('persona').value; }

function add(text, who, isError = false, images = []) {
  const div = document.createElement('div');
  div.className = `msg ${who}${isError ? ' error' : ''}`;
  div.textContent = text;
  for (const image of images) {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.src = image.src;
    img.alt = image.title;
    const caption = document.createElement('figcaption');
    caption.textContent = image.title;
    figure.append(img, caption);
    div.append(figure);
  }
  messages.append(div);
  messages.scrollTop = messages.scrollHeight;
  return div;
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
  const div = add(data.reply || data.message || '', 'bot', isError, images);
  if (!isError && data.proposal) showProposal(div, data.proposal);
}

async function send(body, shown = body.text) {
  if (shown) add(shown, 'user');
  showSuggestions([]);
  $('typing').hidden = false;
  try {
    const res = await fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: persona(), chatId, ...body }) });
    const data = await res.json();
    if (!res.ok) add(data.message || 'Error', 'bot', true);
    else {
      answer(data, Boolean(data.error), [...(data.pictures || []).map((p) => ({ src: p.src, title: p.caption })), ...(data.charts || [])]);
      showSuggestions(data.suggestions);
    }
  } catch (e) {
    add('网络错误 / Network error: ' + e.message, 'bot', true);
  } finally {
    $('typing').hidden = true;
  }
}

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  $('text').value = '';
  send({ text });
});

function sendPlace(value) {
  const [lat, lng] = value.split(',').map(Number);
  add(`📍 ${lat.toFixed(4)}, ${lng.toFixed(4)}`, 'user');
  send({ location: { lat, lng } });
}

$('locate').addEventListener('click', () => {
  const fallback = () => $('place-dialog').showModal();
  if (!navigator.geolocation) return fallback();
  navigator.geolocation.getCurrentPosition((pos) => sendPlace(`${pos.coords.latitude},${pos.coords.longitude}`), fallback, { timeout: 5000 });
});
$('place-dialog').addEventListener('close', () => { if ($('place-dialog').returnValue === 'ok') sendPlace($('place').value); });

$('photo').addEventListener('change', async () => {
  const file = $('photo').files[0];
  $('photo').value = '';
  if (!file) return;
  add('📷 ' + file.name, 'user', false, [{ src: URL.createObjectURL(file), title: file.name }]);
  $('typing').hidden = false;
  try {
    const locale = /^zh/.test(navigator.language) ? 'zh' : 'en';
    const res = await fetch(`/api/photo?as=${encodeURIComponent(persona())}&chatId=${chatId}&locale=${locale}`, { method: 'POST', headers: { 'content-type': file.type || 'image/jpeg' }, body: file });
    const data = await res.json();
    answer(data, !res.ok || Boolean(data.error), (data.pictures || []).map((p) => ({ src: p.src, title: p.caption })));
    if (res.ok) showSuggestions(data.suggestions);
  } catch (e) {
    add('网络错误 / Network error: ' + e.message, 'bot', true);
  } finally {
    $('typing').hidden = true;
  }
});

/** An empty chat opens with a greeting and what this persona can ask, as chips. */
async function welcome() {
  if (messages.children.length) return;
  const locale = $('persona').selectedOptions[0]?.dataset.locale;
  const res = await fetch(`/api/welcome?as=${encodeURIComponent(persona())}${locale ? `&locale=${locale}` : ''}`);
  if (!res.ok || messages.children.length) return;
  const data = await res.json();
  if (messages.children.length) return;
  add(data.text, 'bot').classList.add('welcome');
  showSuggestions(data.suggestions);
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
  const controls = [...$('composer').elements, $('persona'), $('reset')];
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
    for (const c of controls) c.disabled = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  note?.remove();
  for (const c of controls) c.disabled = false;
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
