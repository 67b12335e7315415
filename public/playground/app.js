// The playground page: reads /api/state for the chosen member, re-reads on each server event, and
// sends what the member does to the JSON API. No framework: a render function per region.
import { applyStaticStrings, currentLang, setLang, t } from './i18n.js';
import { avatar, el, renderMessage } from './render.js';

const $ = (id) => document.getElementById(id);
const ui = { me: localStorage.getItem('playground.me') || 'camille', channel: 'general', thread: null, editing: null, editDraft: null, data: null };
const since = Number(localStorage.getItem('playground.since')) || Date.now();
localStorage.setItem('playground.since', String(since));

async function api(path, body) {
  let res;
  try {
    res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw Object.assign(new Error('network'), { code: 'network' });
  }
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(json.message || res.statusText), { code: json.error || 'generic' });
  return json;
}

function toast(message) {
  const box = $('toast');
  box.textContent = message;
  box.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => box.classList.remove('show'), 4000);
}

function fail(err) {
  toast(t(`errors.${err.code}`) === `errors.${err.code}` ? `${t('errors.generic')} ${err.message ?? ''}` : t(`errors.${err.code}`));
}

// ---- unread tracking, per member, in this browser only
function seenMap() {
  return JSON.parse(localStorage.getItem(`playground.seen.${ui.me}`) || '{}');
}
function markSeen(channelId) {
  const seen = seenMap();
  const last = Math.max(0, ...ui.data.messages.filter((m) => m.channelId === channelId).map((m) => m.at));
  seen[channelId] = Math.max(seen[channelId] ?? since, last);
  localStorage.setItem(`playground.seen.${ui.me}`, JSON.stringify(seen));
}
function unreadCount(channelId, seen) {
  const after = seen[channelId] ?? since;
  return ui.data.messages.filter((m) => m.channelId === channelId && m.authorId !== ui.me && m.at > after).length;
}

// ---- loading
let loading = null;
let again = false;
async function refresh() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      ui.data = await api(`/api/state?as=${encodeURIComponent(ui.me)}`).catch((err) => {
        if (err.code !== 'no_member' || ui.me === 'camille') throw err;
        ui.me = 'camille'; // a member remembered from another playground
        return api(`/api/state?as=camille`);
      });
    } while (again);
    render();
    announceNew();
  })()
    .catch(fail)
    .finally(() => (loading = null));
  return loading;
}

function members() {
  return new Map(ui.data.members.map((m) => [m.id, m]));
}
function visibleChannel(id) {
  return ui.data.channels.find((c) => c.id === id);
}
function channelLabel(c) {
  if (c.kind === 'dm') return `🤖 ${t('botDm')}`;
  return `${c.kind === 'private' ? '🔒' : '#'} ${c.name}`;
}

// The list is re-rendered whole, so it is not a live region; new messages are announced here instead.
let known = null;
let knownFor = null;
function announceNew() {
  const ids = new Set(ui.data.messages.map((m) => m.id));
  const fresh = known && knownFor === ui.me ? ui.data.messages.filter((m) => !known.has(m.id) && m.authorId !== ui.me) : [];
  known = ids;
  knownFor = ui.me;
  if (!fresh.length) return;
  const last = fresh[fresh.length - 1];
  const who = members().get(last.authorId)?.displayName ?? last.authorId;
  const where = channelLabel(visibleChannel(last.channelId) ?? { kind: 'public', name: last.channelId });
  $('announcer').textContent = t('newMessage', who, where);
}

// ---- rendering
function render() {
  if (!visibleChannel(ui.channel)) ui.channel = ui.data.generalChannel;
  if (ui.thread && !ui.data.messages.some((m) => m.id === ui.thread)) ui.thread = null;
  renderSidebar();
  renderMain();
  renderThread();
}

function renderSidebar() {
  const select = $('member');
  select.replaceChildren(
    ...ui.data.members.filter((m) => !m.isBot).map((m) => el('option', { value: m.id, text: m.displayName, selected: m.id === ui.me })),
  );
  const me = members().get(ui.me);
  $('me-title').replaceChildren(avatar(me), el('span', { text: me?.title ?? '' }));
  const seen = seenMap();
  const item = (c) => {
    const unread = c.id === ui.channel ? 0 : unreadCount(c.id, seen);
    const a = el('a', { href: `#c=${encodeURIComponent(c.id)}`, class: `chan${c.id === ui.channel ? ' active' : ''}${unread ? ' has-unread' : ''}`, 'aria-current': c.id === ui.channel ? 'page' : undefined },
      el('span', { class: 'chan-name', text: channelLabel(c) }),
      unread ? el('span', { class: 'unread', 'aria-label': t('unread', unread), text: String(unread) }) : undefined,
    );
    if (c.kind === 'private') a.title = t('privateChannel');
    return el('li', {}, a);
  };
  $('channel-list').replaceChildren(...ui.data.channels.filter((c) => c.kind !== 'dm').map(item));
  $('dm-list').replaceChildren(...ui.data.channels.filter((c) => c.kind === 'dm').map(item));
}

function view(inThread) {
  const replies = new Map();
  for (const m of ui.data.messages) if (m.threadId) replies.set(m.threadId, [...(replies.get(m.threadId) ?? []), m]);
  return {
    me: ui.me, members: members(), replies, inThread, editing: ui.editing, editDraft: ui.editDraft,
    markdownCtx: {
      channelByName: (name) => ui.data.channels.find((c) => c.name === name && c.kind !== 'dm'),
      member: (id) => members().get(id),
    },
    onAction, onOpenThread: openThread, onDraft: (v) => (ui.editDraft = v),
    onEdit: (m) => { ui.editing = m.id; ui.editDraft = m.text; render(); document.querySelector(`#msg-${CSS.escape(m.id)} textarea`)?.focus(); },
    onCancelEdit: () => { ui.editing = null; render(); },
    onSaveEdit: (m, text) => api('/api/edit', { as: ui.me, messageId: m.id, text }).then((r) => { ui.editing = null; if (r.warning) fail({ code: r.warning }); return refresh(); }, fail),
    onDelete: (m) => confirm(t('deleteConfirm')) && api('/api/delete', { as: ui.me, messageId: m.id }).then(refresh, fail),
  };
}

/** Re-rendering replaces nodes: remember which control had focus so keyboard users keep their place. */
function keepFocus(list, paint) {
  const active = document.activeElement;
  const li = active && list.contains(active) ? active.closest('li.msg') : null;
  const index = li ? [...li.querySelectorAll('button, textarea, a')].indexOf(active) : -1;
  paint();
  if (li) [...(document.getElementById(li.id)?.querySelectorAll('button, textarea, a') ?? [])][index]?.focus();
}

function renderMain() {
  const channel = visibleChannel(ui.channel);
  $('channel-title').textContent = channelLabel(channel);
  $('channel-topic').textContent = channel.kind === 'dm' ? '' : (channel.topic ?? '');
  $('composer-label').textContent = channel.kind === 'dm' ? t('writeToBot') : t('writeIn', channelLabel(channel));
  $('composer-text').placeholder = $('composer-label').textContent;
  $('welcome').hidden = ui.channel !== ui.data.generalChannel || localStorage.getItem('playground.welcomed') === '1';
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  const msgs = ui.data.messages.filter((m) => m.channelId === ui.channel && !m.threadId);
  const v = view(false);
  keepFocus(list, () =>
    list.replaceChildren(...(msgs.length ? msgs.map((m) => renderMessage(m, v)) : [el('li', { class: 'empty', text: t(channel.kind === 'dm' ? 'emptyDm' : 'emptyChannel') })])),
  );
  if (atBottom || ui.scrollDown) list.scrollTop = list.scrollHeight;
  ui.scrollDown = false;
  markSeen(ui.channel);
}

function renderThread() {
  const pane = $('thread');
  const root = ui.thread && ui.data.messages.find((m) => m.id === ui.thread);
  pane.hidden = !root;
  $('app').classList.toggle('with-thread', Boolean(root));
  if (!root) return;
  $('thread-text').placeholder = t('replyLabel');
  const v = view(true);
  const list = $('thread-messages');
  keepFocus(list, () => list.replaceChildren(renderMessage(root, v), el('li', { class: 'divider', 'aria-hidden': 'true' }), ...(v.replies.get(root.id) ?? []).map((m) => renderMessage(m, v))));
  list.scrollTop = list.scrollHeight;
}

// ---- actions
async function onAction(msg, button, node) {
  node.disabled = true;
  try {
    await api('/api/actions', { as: ui.me, action: button.action, value: button.value, messageId: msg.id });
    await refresh();
  } catch (err) {
    node.disabled = false;
    fail(err);
  }
}

function openThread(id) {
  ui.thread = id;
  renderThread();
  $('thread-text').focus();
}

function openFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const c = params.get('c');
  if (c && c !== ui.channel) {
    ui.channel = c;
    ui.thread = null;
    ui.scrollDown = true;
  }
  document.body.classList.remove('menu-open');
  $('menu-toggle').setAttribute('aria-expanded', 'false');
  if (!ui.data) return;
  render();
  const target = params.get('m') && ui.data.messages.find((m) => m.id === params.get('m'));
  if (target?.threadId) openThread(target.threadId);
  const node = target && document.getElementById(`msg-${target.id}`);
  if (node) {
    node.classList.add('highlight');
    node.scrollIntoView({ block: 'center' });
  }
}

async function send(textarea, threadId) {
  const text = textarea.value.trim();
  if (!text) return;
  textarea.disabled = true;
  try {
    const r = await api('/api/messages', { as: ui.me, channel: ui.channel, text, ...(threadId ? { threadId } : {}) });
    textarea.value = '';
    autoGrow(textarea);
    if (r.warning) fail({ code: r.warning });
    ui.scrollDown = true;
    await refresh();
  } catch (err) {
    fail(err);
  } finally {
    textarea.disabled = false;
    textarea.focus();
  }
}

function autoGrow(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${Math.min(textarea.scrollHeight, 200)}px`;
}

function wireComposer(form, textarea, threadId) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    send(textarea, threadId());
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send(textarea, threadId());
    }
  });
  textarea.addEventListener('input', () => autoGrow(textarea));
}

function start() {
  applyStaticStrings();
  wireComposer($('composer'), $('composer-text'), () => undefined);
  wireComposer($('thread-composer'), $('thread-text'), () => ui.thread);
  $('member').addEventListener('change', (e) => {
    ui.me = e.target.value;
    localStorage.setItem('playground.me', ui.me);
    ui.thread = null;
    ui.editing = null;
    refresh();
  });
  $('thread-close').addEventListener('click', () => { ui.thread = null; renderThread(); $('composer-text').focus(); });
  $('lang-switch').addEventListener('click', () => { setLang(currentLang() === 'fr' ? 'en' : 'fr'); if (ui.data) render(); });
  $('reset').addEventListener('click', () => {
    if (!confirm(t('resetConfirm'))) return;
    api('/api/reset', {}).then(() => { localStorage.removeItem(`playground.seen.${ui.me}`); ui.thread = null; location.hash = `#c=${encodeURIComponent(ui.data?.generalChannel ?? 'general')}`; toast(t('resetDone')); return refresh(); }, fail);
  });
  $('menu-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('menu-open');
    $('menu-toggle').setAttribute('aria-expanded', String(open));
  });
  $('welcome-close').addEventListener('click', () => { localStorage.setItem('playground.welcomed', '1'); $('welcome').hidden = true; });
  $('try-example').addEventListener('click', () => {
    location.hash = `#c=${encodeURIComponent(ui.data?.generalChannel ?? 'general')}`;
    $('composer-text').value = t('example');
    autoGrow($('composer-text'));
    $('composer-text').focus();
  });
  window.addEventListener('hashchange', openFromHash);
  openFromHash();
  const events = new EventSource('/api/events');
  events.addEventListener('changed', () => refresh());
  events.addEventListener('open', () => { $('live-status').textContent = t('live'); $('live-status').classList.remove('off'); });
  events.addEventListener('error', () => { $('live-status').textContent = t('offline'); $('live-status').classList.add('off'); });
  refresh().then(openFromHash);
}

start();
