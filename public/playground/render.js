// Builds the DOM for messages. Member and bot text goes through renderMarkdown (text nodes only).
import { t, currentLang } from './i18n.js';
import { renderMarkdown } from './markdown.js';

const PALETTE = ['#2f6f5e', '#8a4b9e', '#c0582b', '#2b6cb0', '#9c6b00', '#b83263', '#3d7a2a'];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'title') node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children.filter((c) => c !== undefined && c !== null));
  return node;
}

export { el };

export function avatar(member) {
  if (member?.isBot) return el('span', { class: 'avatar bot', 'aria-hidden': 'true', text: '🤖' });
  const name = member?.displayName ?? '?';
  const initials = name.split(/\s+/).map((w) => w[0]).join('').slice(0, 2).toUpperCase();
  const hue = PALETTE[[...(member?.id ?? '')].reduce((s, c) => s + c.charCodeAt(0), 0) % PALETTE.length];
  const span = el('span', { class: 'avatar', 'aria-hidden': 'true', text: initials });
  span.style.background = hue;
  return span;
}

export function badge(member) {
  if (member?.isBot) return el('span', { class: 'badge bot', text: t('bot') });
  if (member?.committee) return el('span', { class: 'badge committee', text: t('committee') });
  if (member?.staff) return el('span', { class: 'badge staff', text: t('staff') });
  return undefined;
}

function time(at) {
  const d = new Date(at);
  return el('time', { dateTime: d.toISOString(), text: d.toLocaleTimeString(currentLang(), { hour: '2-digit', minute: '2-digit' }) });
}

/**
 * One message. `view` carries the state and callbacks: { me, members, replies, editing, inThread,
 * markdownCtx, onAction, onOpenThread, onEdit, onDelete, onSaveEdit, onCancelEdit }.
 */
export function renderMessage(msg, view) {
  const author = view.members.get(msg.authorId);
  const mine = msg.authorId === view.me && !msg.ephemeral;
  const li = el('li', { class: `msg${author?.isBot ? ' from-bot' : ''}${msg.ephemeral ? ' ephemeral' : ''}`, id: `msg-${msg.id}`, 'data-id': msg.id });
  const head = el('div', { class: 'msg-head' }, el('span', { class: 'author', text: author?.displayName ?? msg.authorId }), badge(author), time(msg.at));
  if (msg.editedAt) head.append(el('span', { class: 'edited', text: t('edited') }));
  const body = el('div', { class: 'msg-body' }, head);

  if (view.editing === msg.id) {
    const area = el('textarea', { class: 'edit-text', value: view.editDraft ?? msg.text, 'aria-label': t('edit') });
    area.addEventListener('input', () => view.onDraft(area.value));
    const form = el(
      'form',
      { class: 'edit-form' },
      area,
      el('div', { class: 'row' }, el('button', { type: 'submit', class: 'btn primary small', text: t('save') }), el('button', { type: 'button', class: 'btn small', text: t('cancel'), onclick: () => view.onCancelEdit() })),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      view.onSaveEdit(msg, area.value);
    });
    area.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        form.requestSubmit();
      } else if (e.key === 'Escape') view.onCancelEdit();
    });
    body.append(form);
  } else {
    body.append(el('div', { class: 'msg-text' }, renderMarkdown(msg.text, view.markdownCtx)));
  }

  if (msg.ephemeral) body.append(el('p', { class: 'only-you', text: `👁 ${t('onlyYou')}` }));

  if (msg.buttons?.length) {
    const row = el('div', { class: 'msg-buttons', role: 'group' });
    for (const b of msg.buttons) {
      const btn = el('button', { type: 'button', class: `btn small ${b.style ?? ''}`.trim(), text: b.label });
      btn.addEventListener('click', () => view.onAction(msg, b, btn));
      row.append(btn);
    }
    body.append(row);
  }

  const replies = view.inThread ? [] : (view.replies.get(msg.id) ?? []);
  if (replies.length) {
    const who = [...new Set(replies.map((r) => r.authorId))].slice(0, 3).map((id) => avatar(view.members.get(id)));
    body.append(el('button', { type: 'button', class: 'thread-summary', onclick: () => view.onOpenThread(msg.id) }, ...who, el('span', { text: t('replies', replies.length) })));
  }

  const tools = el('div', { class: 'msg-tools' });
  if (!view.inThread && !msg.ephemeral) tools.append(el('button', { type: 'button', class: 'tool', text: `💬 ${t('reply')}`, onclick: () => view.onOpenThread(msg.id) }));
  if (mine && view.editing !== msg.id) {
    tools.append(el('button', { type: 'button', class: 'tool', text: `✏️ ${t('edit')}`, onclick: () => view.onEdit(msg) }));
    tools.append(el('button', { type: 'button', class: 'tool', text: `🗑 ${t('delete')}`, onclick: () => view.onDelete(msg) }));
  }
  if (tools.childElementCount) body.append(tools);

  li.append(avatar(author), body);
  return li;
}
